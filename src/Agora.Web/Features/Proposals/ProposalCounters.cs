using Agora.Web.Features.Comments;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Proposals;

/// <summary>Proposals' comments and supports, and the per-process tally: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class ProposalCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("Proposal", "CommentCount",
            db.Set<Proposal>().Select(p => new CounterDrift { Id = p.Id, Was = p.CommentCount, Now = db.Set<Comment>().Count(c => c.TargetType == ProposalCommentTarget.TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null) }),
            ids => db.Set<Proposal>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount,
                p => db.Set<Comment>().Count(c => c.TargetType == ProposalCommentTarget.TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null)), ct), ct);
        await repair.FixAsync("Proposal", "SupportCount",
            db.Set<Proposal>().Select(p => new CounterDrift { Id = p.Id, Was = p.SupportCount, Now = db.Set<ProposalSupport>().Count(x => x.ProposalId == p.Id) }),
            ids => db.Set<Proposal>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.SupportCount,
                p => db.Set<ProposalSupport>().Count(x => x.ProposalId == p.Id)), ct), ct);
        await FixTallyAsync(repair, ct);
    }

    /// <summary>The per-process, per-state tally kept by triggers: compared with the visible proposals and rewritten
    /// where it differs, in one transaction.</summary>
    private static async Task FixTallyAsync(CounterRepair repair, CancellationToken ct)
    {
        var db = repair.Db;
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
                    repair.Report(new CounterFix("ProposalTally", $"{a.ProcessId}/{a.State}", "Count", t.Count, a.Count));
                    t.Count = a.Count;
                }
                else
                {
                    repair.Report(new CounterFix("ProposalTally", $"{a.ProcessId}/{a.State}", "Count", 0, a.Count));
                    db.Add(new ProposalTally { ProcessId = a.ProcessId, State = a.State, Count = a.Count });
                }
            }
            foreach (var t in byKey.Values.Where(t => t.Count != 0))
            {
                repair.Report(new CounterFix("ProposalTally", $"{t.ProcessId}/{t.State}", "Count", t.Count, 0));
                t.Count = 0;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }, ct);
    }
}
