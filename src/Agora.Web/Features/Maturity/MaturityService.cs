using System.Security.Claims;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>A process seen from its maturity rounds: whether the reader facilitates.</summary>
public sealed record MaturityScope(Process Process, bool CanManage)
{
    public string Path => $"/processes/{Process.Slug}/{MaturityService.Segment}";
    public string PathOf(MaturityRound round) => $"{Path}/{round.Slug}";
}

/// <summary>A row of the rounds list.</summary>
public sealed record RoundRow(Guid Id, string Slug, LocalizedText Title, DateTime OpensAt, DateTime ClosesAt, DateTime? ClosedAt,
    DateTime? PublishedAt, int SubmittedCount);

/// <summary>A dimension's levels as an assessor entered them; any part may be missing in a draft.</summary>
public sealed record ScoreInput(Guid DimensionId, int? Current, int? Target, string? Justification, string? Evidence);

/// <summary>What is wrong with an entry: the dimension (null: the whole form) and the resource key.</summary>
public sealed record ScoreProblem(Guid? DimensionId, string Field, string Key);

/// <summary>A round's framework, figures and, where there is one, the previous round's figures for comparison.</summary>
public sealed record RoundFigures(MaturityRound Round, MaturityFramework Framework, RoundResult Result,
    MaturityRound? Previous, RoundResult? PreviousResult, IReadOnlyList<DimensionChange>? Changes)
{
    public MaturityDimension? DimensionOf(string key) => Framework.Dimensions.FirstOrDefault(d => d.Key == key);
}

/// <summary>Rounds, assessments and their figures. Facilitators are the process's managers (<see cref="ProcessAccess"/>).</summary>
public sealed class MaturityService(AgoraDb db, ProcessAccess access, Participants participants, TimeProvider clock)
{
    public const string Key = "maturity";
    public const string Segment = "maturity";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<MaturityScope?> ScopeAsync(string slug, ClaimsPrincipal reader, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, reader, ct);
        if (process == null || !process.Has(Key))
            return null;
        return new MaturityScope(process, await access.CanManageAsync(reader, process.Id, ct));
    }

    /// <summary>The rounds of a process, newest first; one query.</summary>
    public async Task<IReadOnlyList<RoundRow>> RoundsAsync(MaturityScope scope, CancellationToken ct) =>
        await db.Set<MaturityRound>().AsNoTracking().Where(r => r.ProcessId == scope.Process.Id)
            .OrderByDescending(r => r.OpensAt).ThenByDescending(r => r.CreatedAt)
            .Select(r => new RoundRow(r.Id, r.Slug, r.Title, r.OpensAt, r.ClosesAt, r.ClosedAt, r.PublishedAt, r.SubmittedCount))
            .ToListAsync(ct);

    /// <summary>The rounds of a process with a published report, newest first; one query (for the process page).</summary>
    public async Task<IReadOnlyList<RoundRow>> PublishedAsync(Guid processId, CancellationToken ct) =>
        await db.Set<MaturityRound>().AsNoTracking().Where(r => r.ProcessId == processId && r.PublishedAt != null)
            .OrderByDescending(r => r.PublishedAt)
            .Select(r => new RoundRow(r.Id, r.Slug, r.Title, r.OpensAt, r.ClosesAt, r.ClosedAt, r.PublishedAt, r.SubmittedCount))
            .ToListAsync(ct);

    /// <summary>A round of the process by its id or its slug.</summary>
    public Task<MaturityRound?> RoundAsync(MaturityScope scope, string round, CancellationToken ct)
    {
        var rounds = db.Set<MaturityRound>().AsNoTracking().Where(r => r.ProcessId == scope.Process.Id);
        return Guid.TryParse(round, out var id)
            ? rounds.FirstOrDefaultAsync(r => r.Id == id, ct)
            : rounds.FirstOrDefaultAsync(r => r.Slug == round, ct);
    }

    /// <summary>Figures are public once the round is closed or its report published; facilitators see them live.</summary>
    public bool MaySeeResults(MaturityScope scope, MaturityRound round) =>
        scope.CanManage || round.PublishedAt != null || round.IsClosed(Now);

    public static bool MaySeeReport(MaturityScope scope, MaturityRound round) => scope.CanManage || round.PublishedAt != null;

    public Task<MaturityFramework> FrameworkAsync(Guid id, CancellationToken ct) =>
        db.Set<MaturityFramework>().AsNoTracking().Include(f => f.Dimensions.OrderBy(d => d.Position)).AsSplitQuery().FirstAsync(f => f.Id == id, ct);

    /// <summary>The submitted ratings of a round (drafts never count); one query.</summary>
    public async Task<List<Rating>> RatingsAsync(Guid roundId, CancellationToken ct)
    {
        var rows = await db.Set<MaturityScore>().AsNoTracking()
            .Join(db.Set<MaturityAssessment>().Where(a => a.RoundId == roundId && a.SubmittedAt != null), s => s.AssessmentId, a => a.Id, (s, a) => new { s, a })
            .Join(db.Set<MaturityDimension>(), x => x.s.DimensionId, d => d.Id, (x, d) => new { x.a.UserId, x.a.Group, d.Key, x.s.Current, x.s.Target })
            .Where(x => x.Current != null && x.Target != null)
            .ToListAsync(ct);
        return rows.Select(r => new Rating(r.UserId, r.Group, r.Key, r.Current!.Value, r.Target!.Value)).ToList();
    }

    /// <summary>The round's figures and the comparison with the round of the process that opened before it. The one
    /// aggregation that the page, the report, the CSV and the JSON all show.</summary>
    public async Task<RoundFigures> FiguresAsync(MaturityRound round, CancellationToken ct)
    {
        var framework = await FrameworkAsync(round.FrameworkId, ct);
        var keys = framework.Dimensions.Select(d => d.Key).ToList();
        var result = MaturityAggregation.Aggregate(keys, await RatingsAsync(round.Id, ct));
        var previous = await db.Set<MaturityRound>().AsNoTracking()
            .Where(r => r.ProcessId == round.ProcessId && r.Id != round.Id && r.OpensAt < round.OpensAt)
            .OrderByDescending(r => r.OpensAt).FirstOrDefaultAsync(ct);
        if (previous == null)
            return new RoundFigures(round, framework, result, null, null, null);
        var before = MaturityAggregation.Aggregate(keys, await RatingsAsync(previous.Id, ct));
        return new RoundFigures(round, framework, result, previous, before, MaturityAggregation.Compare(before, result));
    }

    /// <summary>The assessor group of a person in a process: municipality staff (site administrators and moderators,
    /// the process's administrators), else the kind of the first organisation (by name) they represent.</summary>
    public async Task<(bool Staff, OrganizationKind? Organization)> StandingAsync(ClaimsPrincipal user, Guid userId, MaturityScope scope, CancellationToken ct)
    {
        var staff = user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Moderator) || scope.CanManage;
        var kind = await db.Set<OrganizationRepresentative>().Where(r => r.UserId == userId && r.Status == RepresentativeStatus.Approved)
            .Join(db.Set<Organization>(), r => r.OrganizationId, o => o.Id, (r, o) => o)
            .OrderBy(o => o.Name.Bg).Select(o => (OrganizationKind?)o.Kind).FirstOrDefaultAsync(ct);
        return (staff, kind);
    }

    /// <summary>Whether the round's assessor set admits a person; their group if so, else the refusal's resource key.</summary>
    public static (string? Group, string? Refusal) Admit(AssessorSet set, bool staff, OrganizationKind? organization)
    {
        var group = AssessorGroups.Of(staff, organization);
        var admitted = (set.HasFlag(AssessorSet.Municipality) && group == AssessorGroups.Municipality)
            || (set.HasFlag(AssessorSet.Representatives) && organization != null)
            || set.HasFlag(AssessorSet.Residents);
        return admitted ? (group, null) : (null, "Maturity.Refused.NotAssessor");
    }

    /// <summary>The acting assessor and their group, or why they may not assess this round now.</summary>
    public async Task<(Participants.Actor? Actor, string? Group, string? Refusal)> CheckAsync(MaturityScope scope, MaturityRound round,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var (actor, refusal) = await participants.CheckAsync(user, ct);
        if (actor == null)
            return (null, null, refusal);
        var now = Now;
        if (round.IsClosed(now))
            return (null, null, "Maturity.Refused.Closed");
        if (!round.IsOpen(now))
            return (null, null, "Maturity.Refused.NotOpen");
        var (staff, kind) = await StandingAsync(user, actor.Id, scope, ct);
        var (group, notAdmitted) = Admit(round.Assessors, staff, kind);
        return group == null ? (null, null, notAdmitted) : (actor, group, null);
    }

    public Task<MaturityAssessment?> AssessmentAsync(Guid roundId, Guid userId, CancellationToken ct) =>
        db.Set<MaturityAssessment>().AsNoTracking().Include(a => a.Scores).FirstOrDefaultAsync(a => a.RoundId == roundId && a.UserId == userId, ct);

    /// <summary>
    /// Checks an entry against the framework. Levels outside 1–5, a target below the current level (where the framework
    /// forbids it) and malformed evidence links are refused even in a draft; a submission also needs both levels everywhere.
    /// </summary>
    public static IReadOnlyList<ScoreProblem> Validate(MaturityFramework framework, IReadOnlyList<ScoreInput> inputs, bool submit)
    {
        var problems = new List<ScoreProblem>();
        var known = framework.Dimensions.Select(d => d.Id).ToHashSet();
        if (inputs.Any(i => !known.Contains(i.DimensionId)) || inputs.Select(i => i.DimensionId).Distinct().Count() != inputs.Count)
            return [new ScoreProblem(null, "", "Maturity.Refused.UnknownDimension")];
        foreach (var d in framework.Dimensions)
        {
            var i = inputs.FirstOrDefault(x => x.DimensionId == d.Id) ?? new ScoreInput(d.Id, null, null, null, null);
            if (i.Current != null && !MaturityRules.IsLevel(i.Current))
                problems.Add(new(d.Id, "Current", "Maturity.Refused.LevelRange"));
            if (i.Target != null && !MaturityRules.IsLevel(i.Target))
                problems.Add(new(d.Id, "Target", "Maturity.Refused.LevelRange"));
            if (submit && i.Current == null)
                problems.Add(new(d.Id, "Current", "Maturity.Refused.LevelMissing"));
            if (submit && i.Target == null)
                problems.Add(new(d.Id, "Target", "Maturity.Refused.LevelMissing"));
            if (!framework.AllowTargetBelowCurrent && MaturityRules.IsLevel(i.Current) && MaturityRules.IsLevel(i.Target) && i.Target < i.Current)
                problems.Add(new(d.Id, "Target", "Maturity.Refused.TargetBelowCurrent"));
            if ((i.Justification?.Length ?? 0) > MaturityRules.JustificationMax)
                problems.Add(new(d.Id, "Justification", "Maturity.Refused.JustificationLength"));
            if ((i.Evidence?.Length ?? 0) > MaturityRules.EvidenceMax || EvidenceLinks(i.Evidence).Any(l => !IsWebLink(l)))
                problems.Add(new(d.Id, "Evidence", "Maturity.Refused.EvidenceLink"));
        }
        return problems;
    }

    public static IEnumerable<string> EvidenceLinks(string? evidence) =>
        (evidence ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool IsWebLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);

    /// <summary>
    /// Saves the assessor's entry as a draft or submits it, in one transaction. Submission is final: it is marked only
    /// where not yet submitted (so two submissions at once count once) and the round's counter is recounted.
    /// Returns the refusal's resource key, or null.
    /// </summary>
    public async Task<string?> SaveAsync(MaturityRound round, Guid userId, string group, IReadOnlyList<ScoreInput> inputs, bool submit, CancellationToken ct)
    {
        var now = Now;
        var roundId = round.Id;
        if (!await db.Set<MaturityAssessment>().AnyAsync(a => a.RoundId == roundId && a.UserId == userId, ct))
        {
            db.Add(new MaturityAssessment { RoundId = roundId, UserId = userId, Group = group, CreatedAt = now, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A parallel save made the row first (unique index on round and assessor).
            }
            db.ChangeTracker.Clear();
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Touch the row first so that two saves of one assessor run one after the other.
            await db.Set<MaturityAssessment>().Where(a => a.RoundId == roundId && a.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.Group, group), ct);
            var assessment = await db.Set<MaturityAssessment>().AsNoTracking().FirstAsync(a => a.RoundId == roundId && a.UserId == userId, ct);
            if (assessment.SubmittedAt != null)
                return "Maturity.Refused.AlreadySubmitted";
            var state = await db.Set<MaturityRound>().AsNoTracking().Where(r => r.Id == roundId).Select(r => new { r.ClosedAt, r.ClosesAt }).FirstAsync(ct);
            if (state.ClosedAt != null || now >= state.ClosesAt)
                return "Maturity.Refused.Closed";
            await db.Set<MaturityScore>().Where(s => s.AssessmentId == assessment.Id).ExecuteDeleteAsync(ct);
            foreach (var i in inputs)
                db.Add(new MaturityScore
                {
                    AssessmentId = assessment.Id,
                    DimensionId = i.DimensionId,
                    Current = i.Current,
                    Target = i.Target,
                    Justification = (i.Justification ?? "").Trim(),
                    Evidence = string.Join('\n', EvidenceLinks(i.Evidence)),
                });
            await db.SaveChangesAsync(ct);
            if (submit)
            {
                await db.Set<MaturityAssessment>().Where(a => a.Id == assessment.Id && a.SubmittedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAt, now), ct);
                await db.LockCounterAsync(nameof(MaturityRound.SubmittedCount), roundId, ct);
                await db.Set<MaturityRound>().Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedCount,
                    r => db.Set<MaturityAssessment>().Count(a => a.RoundId == r.Id && a.SubmittedAt != null)), ct);
            }
            await tx.CommitAsync(ct);
            return (string?)null;
        });
    }
}
