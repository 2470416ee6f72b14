using System.Security.Claims;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Needs;

/// <summary>A process seen from its needs list: the rules and whether the reader facilitates.</summary>
public sealed record NeedsScope(Process Process, NeedsSettings Settings, bool CanManage)
{
    public string Path => $"/processes/{Process.Slug}/needs";
    public bool Closed => Settings.ClosedAt != null;
}

/// <summary>One line of a submitted ballot: a need with its rank (top five) or points.</summary>
public readonly record struct BallotLine(Guid NeedId, int? Rank, int Points);

/// <summary>The aggregated ranking: needs in order with shared positions, and the totals per stakeholder kind.</summary>
public sealed record NeedsRanking(
    RankingMethod Method,
    int Participants,
    IReadOnlyList<(Need Need, Standing<Guid> Standing)> Rows,
    IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, long>> ByKind,
    IReadOnlyDictionary<string, int> ParticipantsByKind);

/// <summary>A process's needs ranking without the breakdown by stakeholder kind: each need's standing by id.</summary>
public sealed record ProcessRanking(RankingMethod Method, int Participants, IReadOnlyDictionary<Guid, Standing<Guid>> Standings);

public sealed class NeedsService(AgoraDb db, ProcessAccess access, WorkshopParticipation participation, TimeProvider clock)
{
    public const string Key = "needs";
    /// <summary>How many needs a top-five ballot ranks, and so the Borda points of rank 1.</summary>
    public const int Slots = 5;
    public const int PointsBudget = 100;

    public async Task<NeedsScope?> ScopeAsync(string slug, ClaimsPrincipal reader, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, reader, ct);
        if (process == null || !process.Has(Key))
            return null;
        var settings = await db.Set<NeedsSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.ProcessId == process.Id, ct)
            ?? new NeedsSettings { ProcessId = process.Id };
        return new NeedsScope(process, settings, await access.CanManageAsync(reader, process.Id, ct));
    }

    public Task<(Participants.Actor? Actor, string? Refusal)> CheckAsync(NeedsScope scope, ClaimsPrincipal user, CancellationToken ct) =>
        scope.Closed ? Task.FromResult<(Participants.Actor?, string?)>((null, "Needs.Refused.Closed"))
            : participation.CheckAsync(user, scope.Settings.Eligibility, scope.Settings.EventId, ct);

    public Task<List<Need>> NeedsAsync(Guid processId, CancellationToken ct) =>
        db.Set<Need>().AsNoTracking().Where(n => n.ProcessId == processId).OrderBy(n => n.Position).ThenBy(n => n.CreatedAt).ToListAsync(ct);

    /// <summary>Checks a ballot against the method; the resource key of what is wrong, or null.</summary>
    public static string? Validate(RankingMethod method, IReadOnlyList<BallotLine> lines, IReadOnlyCollection<Guid> needIds)
    {
        if (lines.Any(l => !needIds.Contains(l.NeedId)))
            return "Needs.Refused.UnknownNeed";
        if (lines.Select(l => l.NeedId).Distinct().Count() != lines.Count)
            return "Needs.Refused.SameNeedTwice";
        if (method == RankingMethod.TopFive)
        {
            if (lines.Count == 0)
                return "Needs.Refused.Empty";
            if (lines.Any(l => l.Rank is not (>= 1 and <= Slots)) || lines.Select(l => l.Rank).Distinct().Count() != lines.Count)
                return "Needs.Refused.BadRank";
            return null;
        }
        if (lines.Any(l => l.Points is < 0 or > PointsBudget))
            return "Needs.Refused.PointsRange";
        if (lines.Sum(l => (long)l.Points) != PointsBudget)
            return "Needs.Refused.PointsSum";
        return null;
    }

    /// <summary>Replaces the person's ballot in one transaction; the ballot row is written first so parallel
    /// submissions of one person run one after the other. Returns the refusal's resource key, or null.</summary>
    public async Task<string?> SubmitAsync(NeedsScope scope, Guid userId, IReadOnlyList<BallotLine> lines, CancellationToken ct)
    {
        var needIds = await db.Set<Need>().Where(n => n.ProcessId == scope.Process.Id).Select(n => n.Id).ToListAsync(ct);
        var method = scope.Settings.Method;
        var kept = method == RankingMethod.TopFive ? lines.Where(l => l.Rank != null).ToList() : lines.Where(l => l.Points > 0).ToList();
        if (Validate(method, method == RankingMethod.TopFive ? kept : lines.ToList(), needIds) is { } refusal)
            return refusal;
        var processId = scope.Process.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<NeedBallot>().AnyAsync(b => b.ProcessId == processId && b.UserId == userId, ct))
        {
            db.Add(new NeedBallot { ProcessId = processId, UserId = userId, SubmittedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A parallel submission made the row first.
            }
            db.ChangeTracker.Clear();
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Set<NeedBallot>().Where(b => b.ProcessId == processId && b.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.SubmittedAt, now), ct);
            if (await db.Set<NeedsSettings>().AnyAsync(s => s.ProcessId == processId && s.ClosedAt != null, ct))
                return "Needs.Refused.Closed";
            await db.Set<NeedVote>().Where(v => v.ProcessId == processId && v.UserId == userId).ExecuteDeleteAsync(ct);
            foreach (var l in kept)
                db.Add(new NeedVote
                {
                    ProcessId = processId,
                    UserId = userId,
                    NeedId = l.NeedId,
                    Rank = method == RankingMethod.TopFive ? l.Rank : null,
                    Points = method == RankingMethod.Points ? l.Points : 0,
                });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (string?)null;
        });
    }

    public async Task<List<BallotLine>> BallotOfAsync(Guid processId, Guid userId, CancellationToken ct) =>
        await db.Set<NeedVote>().AsNoTracking().Where(v => v.ProcessId == processId && v.UserId == userId)
            .Select(v => new BallotLine(v.NeedId, v.Rank, v.Points)).ToListAsync(ct);

    /// <summary>The aggregate under the current method: Borda count for ranks, sums for points. Three queries.</summary>
    public async Task<NeedsRanking> RankingAsync(NeedsScope scope, CancellationToken ct)
    {
        var needs = await NeedsAsync(scope.Process.Id, ct);
        var votes = await db.Set<NeedVote>().AsNoTracking().Where(v => v.ProcessId == scope.Process.Id)
            .Select(v => new { v.UserId, v.NeedId, v.Rank, v.Points }).ToListAsync(ct);
        var scores = Scores(scope.Settings.Method, votes.Select(v => (v.UserId, v.NeedId, v.Rank, v.Points))).ToList();
        var voters = scores.Select(s => s.Voter).Distinct().ToList();
        var kinds = await participation.KindsAsync(voters, ct);
        var byId = needs.ToDictionary(n => n.Id);
        var standings = Tally.Rank(scores, needs.Select(n => n.Id).ToList());
        return new NeedsRanking(scope.Settings.Method, voters.Count, standings.Select(s => (byId[s.Key], s)).ToList(),
            Tally.Breakdown(scores, kinds, StakeholderKinds.Resident), Tally.VotersByGroup(scores, kinds, StakeholderKinds.Resident));
    }

    /// <summary>Ballots as scores under a method: Borda points for ranks (top five), the points as given otherwise.</summary>
    private static IEnumerable<Score<Guid>> Scores(RankingMethod method, IEnumerable<(Guid UserId, Guid NeedId, int? Rank, int Points)> votes) =>
        method == RankingMethod.TopFive
            ? Tally.Borda(votes.Where(v => v.Rank != null).Select(v => (v.UserId, v.NeedId, v.Rank!.Value)), Slots)
            : Tally.Amounts(votes.Select(v => (v.UserId, v.NeedId, v.Points)));

    /// <summary>
    /// The rankings of several processes at once, as <see cref="RankingAsync"/> computes them (without the breakdown by
    /// stakeholder kind): for a page of needs from many processes in three queries, whatever their number.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, ProcessRanking>> RankingsAsync(IReadOnlyCollection<Guid> processIds, CancellationToken ct)
    {
        if (processIds.Count == 0)
            return new Dictionary<Guid, ProcessRanking>();
        var ids = processIds.Distinct().ToList();
        var methods = await db.Set<NeedsSettings>().AsNoTracking().Where(s => ids.Contains(s.ProcessId))
            .ToDictionaryAsync(s => s.ProcessId, s => s.Method, ct);
        var needs = await db.Set<Need>().AsNoTracking().Where(n => ids.Contains(n.ProcessId))
            .OrderBy(n => n.Position).ThenBy(n => n.CreatedAt).Select(n => new { n.Id, n.ProcessId }).ToListAsync(ct);
        var votes = await db.Set<NeedVote>().AsNoTracking().Where(v => ids.Contains(v.ProcessId))
            .Select(v => new { v.ProcessId, v.UserId, v.NeedId, v.Rank, v.Points }).ToListAsync(ct);
        var needsOf = needs.ToLookup(n => n.ProcessId, n => n.Id);
        var votesOf = votes.ToLookup(v => v.ProcessId);
        return ids.ToDictionary(id => id, id =>
        {
            // A process without settings ranks top five, as ScopeAsync assumes.
            var method = methods.GetValueOrDefault(id, RankingMethod.TopFive);
            var scores = Scores(method, votesOf[id].Select(v => (v.UserId, v.NeedId, v.Rank, v.Points))).ToList();
            var standings = Tally.Rank(scores, needsOf[id].ToList());
            return new ProcessRanking(method, scores.Select(s => s.Voter).Distinct().Count(), standings.ToDictionary(s => s.Key));
        });
    }
}
