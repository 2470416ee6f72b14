using Agora.Web.Features.Budgets;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Commitments;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Events;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Data;

/// <summary>One stored counter that did not match its rows: where it is, what it said and what it says now.</summary>
public sealed record CounterFix(string Table, string Id, string Column, int Was, int Now);

/// <summary>
/// Recounts every stored counter from the rows it counts and stores the right number where it drifted
/// (<c>repair counters</c>). Writes keep counters in the transaction of their rows; this is for a database that lived
/// through older code, a restore, or a hand edit. Each counter is recounted in SQL by the same rule its write path uses.
/// </summary>
public sealed class CounterRepair(AgoraDb db)
{
    /// <summary>A counter's stored and counted value for one row (a member-init projection, so it can be filtered).</summary>
    private sealed class Drift
    {
        public Guid Id { get; init; }
        public int Was { get; init; }
        public int Now { get; init; }
    }

    public async Task<IReadOnlyList<CounterFix>> RunAsync(CancellationToken ct)
    {
        var fixes = new List<CounterFix>();

        // Comment counts: visible comments (not deleted, not hidden) of each commentable thing.
        await FixAsync(fixes, "Debate", "CommentCount",
            db.Set<Debate>().Select(d => new Drift { Id = d.Id, Was = d.CommentCount, Now = db.Set<Comment>().Count(c => c.TargetType == DebateCommentTarget.TypeName && c.TargetId == d.Id && c.DeletedAt == null && c.HiddenAt == null) }),
            ids => db.Set<Debate>().Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.CommentCount,
                d => db.Set<Comment>().Count(c => c.TargetType == DebateCommentTarget.TypeName && c.TargetId == d.Id && c.DeletedAt == null && c.HiddenAt == null)), ct), ct);
        await FixAsync(fixes, "Proposal", "CommentCount",
            db.Set<Proposal>().Select(p => new Drift { Id = p.Id, Was = p.CommentCount, Now = db.Set<Comment>().Count(c => c.TargetType == ProposalCommentTarget.TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null) }),
            ids => db.Set<Proposal>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount,
                p => db.Set<Comment>().Count(c => c.TargetType == ProposalCommentTarget.TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null)), ct), ct);
        await FixAsync(fixes, "BudgetProject", "CommentCount",
            db.Set<BudgetProject>().Select(p => new Drift { Id = p.Id, Was = p.CommentCount, Now = db.Set<Comment>().Count(c => c.TargetType == ProjectCommentTarget.TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null) }),
            ids => db.Set<BudgetProject>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount,
                p => db.Set<Comment>().Count(c => c.TargetType == ProjectCommentTarget.TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null)), ct), ct);
        await FixAsync(fixes, "Comment", "Upvotes",
            db.Set<Comment>().Select(c => new Drift { Id = c.Id, Was = c.Upvotes, Now = db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value > 0) }),
            ids => db.Set<Comment>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Upvotes,
                c => db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value > 0)), ct), ct);
        await FixAsync(fixes, "Comment", "Downvotes",
            db.Set<Comment>().Select(c => new Drift { Id = c.Id, Was = c.Downvotes, Now = db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value < 0) }),
            ids => db.Set<Comment>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Downvotes,
                c => db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value < 0)), ct), ct);

        // Supports, ballots, votes.
        await FixAsync(fixes, "Proposal", "SupportCount",
            db.Set<Proposal>().Select(p => new Drift { Id = p.Id, Was = p.SupportCount, Now = db.Set<ProposalSupport>().Count(x => x.ProposalId == p.Id) }),
            ids => db.Set<Proposal>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.SupportCount,
                p => db.Set<ProposalSupport>().Count(x => x.ProposalId == p.Id)), ct), ct);
        await FixAsync(fixes, "Budget", "BallotCount",
            db.Set<Budget>().Select(b => new Drift { Id = b.Id, Was = b.BallotCount, Now = db.Set<Ballot>().Count(x => x.BudgetId == b.Id) }),
            ids => db.Set<Budget>().Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.BallotCount,
                b => db.Set<Ballot>().Count(x => x.BudgetId == b.Id)), ct), ct);
        await FixAsync(fixes, "BudgetProject", "VoteCount",
            db.Set<BudgetProject>().Select(p => new Drift { Id = p.Id, Was = p.VoteCount, Now = db.Set<BallotChoice>().Count(x => x.ProjectId == p.Id) }),
            ids => db.Set<BudgetProject>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.VoteCount,
                p => db.Set<BallotChoice>().Count(x => x.ProjectId == p.Id)), ct), ct);
        await FixAsync(fixes, "Conversation", "ParticipantCount",
            db.Set<Conversation>().Select(c => new Drift { Id = c.Id, Was = c.ParticipantCount, Now = db.Set<Participant>().Count(x => x.ConversationId == c.Id) }),
            ids => db.Set<Conversation>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParticipantCount,
                c => db.Set<Participant>().Count(x => x.ConversationId == c.Id)), ct), ct);
        await FixAsync(fixes, "Conversation", "VoteCount",
            db.Set<Conversation>().Select(c => new Drift { Id = c.Id, Was = c.VoteCount, Now = db.Set<StatementVote>().Count(x => x.ConversationId == c.Id) }),
            ids => db.Set<Conversation>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.VoteCount,
                c => db.Set<StatementVote>().Count(x => x.ConversationId == c.Id)), ct), ct);
        await FixAsync(fixes, "Statement", "AgreeCount",
            db.Set<Statement>().Select(st => new Drift { Id = st.Id, Was = st.AgreeCount, Now = db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value > 0) }),
            ids => db.Set<Statement>().Where(st => ids.Contains(st.Id)).ExecuteUpdateAsync(s => s.SetProperty(st => st.AgreeCount,
                st => db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value > 0)), ct), ct);
        await FixAsync(fixes, "Statement", "DisagreeCount",
            db.Set<Statement>().Select(st => new Drift { Id = st.Id, Was = st.DisagreeCount, Now = db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value < 0) }),
            ids => db.Set<Statement>().Where(st => ids.Contains(st.Id)).ExecuteUpdateAsync(s => s.SetProperty(st => st.DisagreeCount,
                st => db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value < 0)), ct), ct);
        await FixAsync(fixes, "Statement", "PassCount",
            db.Set<Statement>().Select(st => new Drift { Id = st.Id, Was = st.PassCount, Now = db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value == 0) }),
            ids => db.Set<Statement>().Where(st => ids.Contains(st.Id)).ExecuteUpdateAsync(s => s.SetProperty(st => st.PassCount,
                st => db.Set<StatementVote>().Count(x => x.StatementId == st.Id && x.Value == 0)), ct), ct);
        await FixAsync(fixes, "Survey", "ResponseCount",
            db.Set<Survey>().Select(x => new Drift { Id = x.Id, Was = x.ResponseCount, Now = db.Set<SurveyResponse>().Count(r => r.SurveyId == x.Id) }),
            ids => db.Set<Survey>().Where(x => ids.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResponseCount,
                x => db.Set<SurveyResponse>().Count(r => r.SurveyId == x.Id)), ct), ct);
        await FixAsync(fixes, "MaturityRound", "SubmittedCount",
            db.Set<MaturityRound>().Select(r => new Drift { Id = r.Id, Was = r.SubmittedCount, Now = db.Set<MaturityAssessment>().Count(a => a.RoundId == r.Id && a.SubmittedAt != null) }),
            ids => db.Set<MaturityRound>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedCount,
                r => db.Set<MaturityAssessment>().Count(a => a.RoundId == r.Id && a.SubmittedAt != null)), ct), ct);

        // Places at events and on their waiting lists.
        await FixAsync(fixes, "Event", "RegisteredCount",
            db.Set<Event>().Select(e => new Drift { Id = e.Id, Was = e.RegisteredCount, Now = db.Set<EventRegistration>().Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered) }),
            ids => db.Set<Event>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.RegisteredCount,
                e => db.Set<EventRegistration>().Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered)), ct), ct);
        await FixAsync(fixes, "Event", "WaitingCount",
            db.Set<Event>().Select(e => new Drift { Id = e.Id, Was = e.WaitingCount, Now = db.Set<EventRegistration>().Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting) }),
            ids => db.Set<Event>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.WaitingCount,
                e => db.Set<EventRegistration>().Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting)), ct), ct);

        // Timelines and followers.
        await FixAsync(fixes, "TrackedResult", "UpdateCount",
            db.Set<TrackedResult>().Select(r => new Drift { Id = r.Id, Was = r.UpdateCount, Now = db.Set<ResultUpdate>().Count(u => u.ResultId == r.Id) }),
            ids => db.Set<TrackedResult>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdateCount,
                r => db.Set<ResultUpdate>().Count(u => u.ResultId == r.Id)), ct), ct);
        await FixAsync(fixes, "TrackedResult", "FollowerCount",
            db.Set<TrackedResult>().Select(r => new Drift { Id = r.Id, Was = r.FollowerCount, Now = db.Set<ResultFollower>().Count(f => f.ResultId == r.Id) }),
            ids => db.Set<TrackedResult>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.FollowerCount,
                r => db.Set<ResultFollower>().Count(f => f.ResultId == r.Id)), ct), ct);
        await FixAsync(fixes, "Commitment", "UpdateCount",
            db.Set<Commitment>().Select(c => new Drift { Id = c.Id, Was = c.UpdateCount, Now = db.Set<CommitmentUpdate>().Count(u => u.CommitmentId == c.Id) }),
            ids => db.Set<Commitment>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdateCount,
                c => db.Set<CommitmentUpdate>().Count(u => u.CommitmentId == c.Id)), ct), ct);

        await FixProposalTallyAsync(fixes, ct);
        return fixes;
    }

    private static async Task FixAsync(List<CounterFix> fixes, string table, string column, IQueryable<Drift> rows,
        Func<List<Guid>, Task<int>> recount, CancellationToken ct)
    {
        var drifted = await rows.Where(d => d.Was != d.Now).ToListAsync(ct);
        foreach (var chunk in drifted.Chunk(500))
            await recount([.. chunk.Select(d => d.Id)]);
        fixes.AddRange(drifted.Select(d => new CounterFix(table, d.Id.ToString(), column, d.Was, d.Now)));
    }

    /// <summary>The per-process, per-state tally kept by triggers: compared with the visible proposals and rewritten
    /// where it differs, in one transaction.</summary>
    private async Task FixProposalTallyAsync(List<CounterFix> fixes, CancellationToken ct)
    {
        await db.InTransactionAsync(async () =>
        {
            var actual = await db.Set<Proposal>().Where(p => p.HiddenAt == null).GroupBy(p => new { p.ProcessId, p.State })
                .Select(g => new { g.Key.ProcessId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
            var stored = await db.Set<ProposalTally>().ToListAsync(ct);
            var byKey = stored.ToDictionary(t => (t.ProcessId, t.State));
            foreach (var a in actual)
            {
                if (byKey.Remove((a.ProcessId, a.State), out var t))
                {
                    if (t.Count == a.Count)
                        continue;
                    fixes.Add(new CounterFix("ProposalTally", $"{a.ProcessId}/{a.State}", "Count", t.Count, a.Count));
                    t.Count = a.Count;
                }
                else
                {
                    fixes.Add(new CounterFix("ProposalTally", $"{a.ProcessId}/{a.State}", "Count", 0, a.Count));
                    db.Add(new ProposalTally { ProcessId = a.ProcessId, State = a.State, Count = a.Count });
                }
            }
            foreach (var t in byKey.Values.Where(t => t.Count != 0))
            {
                fixes.Add(new CounterFix("ProposalTally", $"{t.ProcessId}/{t.State}", "Count", t.Count, 0));
                t.Count = 0;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }, ct);
    }
}
