using System.Security.Claims;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Agora.Web.Features.Proposals;

/// <summary>What the current phase of a process allows for proposals.</summary>
public sealed record PhaseSwitches(bool Creating, bool Supporting, bool Commenting)
{
    public static readonly PhaseSwitches None = new(false, false, false);
}

/// <summary>A process seen from its proposals: rules, switches of the current phase, categories, and the reader's role.</summary>
public sealed record ProposalScope(Process Process, ProposalSettings Settings, PhaseSwitches Switches,
    IReadOnlyList<ProposalCategory> Categories, bool CanManage)
{
    public bool SupportDeadlinePassed(DateTime utcNow) =>
        Settings.SupportDeadline is DateOnly d && DateOnly.FromDateTime(Format.ToSofia(utcNow)) > d;

    public string Path => $"/processes/{Process.Slug}/proposals";
}

public sealed class ProposalOptions
{
    /// <summary>How many proposals one person may create per hour in all processes.</summary>
    public int PerHour { get; set; } = 5;

    /// <summary>
    /// How long a node keeps a published process's proposal scope (phases, settings, switches, categories), shared by
    /// all its readers; 0 turns it off. A change saved on this node takes effect at once; elsewhere after at most this long.
    /// </summary>
    public int ScopeCacheSeconds { get; set; } = 5;
}

/// <summary>Counts committed writes to what a proposal scope holds: processes and their phases, administrators and
/// components (everything in Features/Processes), and the proposal settings, switches and categories.</summary>
public sealed class ProposalScopeWatch : WriteWatch
{
    protected override bool Watches(Type entityType) =>
        entityType.Namespace == typeof(Process).Namespace
        || entityType == typeof(ProposalSettings) || entityType == typeof(ProposalPhaseSettings) || entityType == typeof(ProposalCategory);
}

public sealed class ProposalService(
    AgoraDb db, ProcessAccess access, Notifier notifier, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ProposalOptions> options, IMemoryCache cache, ProposalScopeWatch watch)
{
    public const string Key = "proposals";
    /// <summary>Verification requirements administrators may switch on (/admin/census); off by default.</summary>
    public const string SupportAction = "proposals.support";
    public const string CreateAction = "proposals.create";

    /// <summary>
    /// The process if the reader may see it and has proposals switched on. Every proposal page starts here, so the
    /// process, its phases, the settings, the current phase's switches and the categories come in one query (the phases
    /// times the categories: a handful of rows); whether the reader manages the process is a second one when signed in.
    /// </summary>
    /// <param name="withRole">False for acts that never depend on whether the reader manages the process (a support):
    /// the scope then says <see cref="ProposalScope.CanManage"/> false without asking the database.</param>
    public async Task<ProposalScope?> ScopeAsync(string slug, ClaimsPrincipal reader, CancellationToken ct, bool withRole = true)
    {
        // Every reader of a published process shares one scope per process: it is what every list, proposal page and
        // support reads first, and it changes rarely. An entry is keyed by the count of committed writes to processes,
        // phases and the proposal settings (ProposalScopeWatch), so a change on this node takes effect at the next
        // request for everyone; other nodes see it within the configured seconds. Whether the reader manages the
        // process is read fresh for each signed-in person. Drafts (seen by their managers only) are never shared; the
        // pages' proposals and counts are always read fresh.
        var seconds = options.Value.ScopeCacheSeconds;
        if (seconds <= 0)
            return await LoadScopeAsync(slug, reader, withRole, ct);
        var key = ("proposal-scope", slug, watch.Generation);
        if (cache.TryGetValue(key, out ProposalScope? known) && known != null)
            return withRole && reader.Identity?.IsAuthenticated == true
                ? known with { CanManage = await access.CanManageAsync(reader, known.Process.Id, ct) }
                : known;
        var scope = await LoadScopeAsync(slug, reader, withRole, ct);
        if (scope is { Process.Published: true })
            cache.Set(key, scope with { CanManage = false }, TimeSpan.FromSeconds(seconds));
        return scope;
    }

    private async Task<ProposalScope?> LoadScopeAsync(string slug, ClaimsPrincipal reader, bool withRole, CancellationToken ct)
    {
        // Collections correlated by plain keys only: SQLite has no APPLY for a FirstOrDefault of a row per process.
        var settings = db.Set<ProposalSettings>();
        var phases = db.Set<Phase>();
        var switches = db.Set<ProposalPhaseSettings>();
        var categories = db.Set<ProposalCategory>();
        var row = await access.Visible(reader).AsNoTracking().AsSingleQuery().Where(p => p.Slug == slug)
            .Select(p => new
            {
                Process = p,
                Phases = p.Phases.ToList(),
                Settings = settings.Where(s => s.ProcessId == p.Id).ToList(),
                Switches = phases.Where(ph => ph.ProcessId == p.Id && ph.IsCurrent)
                    .Join(switches, ph => ph.Id, s => s.PhaseId, (ph, s) => s).ToList(),
                Categories = categories.Where(c => c.ProcessId == p.Id).OrderBy(c => c.Position).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (row == null || !row.Process.Has(Key))
            return null;
        var process = row.Process;
        process.Phases = row.Phases;
        var current = row.Switches.FirstOrDefault();
        var canManage = withRole && await access.CanManageAsync(reader, process.Id, ct);
        return new ProposalScope(process, row.Settings.FirstOrDefault() ?? new ProposalSettings { ProcessId = process.Id },
            current is { } phase ? new PhaseSwitches(phase.CreatingEnabled, phase.SupportingEnabled, phase.CommentingEnabled) : PhaseSwitches.None,
            row.Categories, canManage);
    }

    public async Task<ProposalScope> ScopeAsync(Process process, ClaimsPrincipal reader, CancellationToken ct)
    {
        var current = process.Phases.FirstOrDefault(p => p.IsCurrent)?.Id;
        var processId = process.Id; // a plain local: EF reads it, where `process.Id` would be evaluated as an expression
        var data = await db.Set<ProposalSettings>().AsNoTracking().Where(s => s.ProcessId == processId)
            .Select(s => new { Settings = (ProposalSettings?)s }).FirstOrDefaultAsync(ct);
        var phase = current is Guid pid
            ? await db.Set<ProposalPhaseSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.PhaseId == pid, ct)
            : null;
        var categories = await db.Set<ProposalCategory>().AsNoTracking().Where(c => c.ProcessId == processId)
            .OrderBy(c => c.Position).ToListAsync(ct);
        var canManage = await access.CanManageAsync(reader, processId, ct);
        return new ProposalScope(process, data?.Settings ?? new ProposalSettings { ProcessId = process.Id },
            phase == null ? PhaseSwitches.None : new PhaseSwitches(phase.CreatingEnabled, phase.SupportingEnabled, phase.CommentingEnabled),
            categories, canManage);
    }

    public async Task<bool> CreatedTooManyAsync(Guid authorId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        return await db.Set<Proposal>().CountAsync(p => p.AuthorId == authorId && p.CreatedAt > since, ct) >= options.Value.PerHour;
    }

    /// <summary>Why the person may not support now (resource key), or null.</summary>
    public string? SupportRefusal(ProposalScope scope, Proposal p)
    {
        if (!scope.Switches.Supporting)
            return "Proposals.Refused.SupportingClosed";
        if (scope.SupportDeadlinePassed(clock.GetUtcNow().UtcDateTime))
            return "Proposals.Refused.DeadlinePassed";
        if (p.HiddenAt != null || p.State == ProposalState.Withdrawn)
            return "Proposals.Refused.NotOpen";
        return null;
    }

    /// <summary>
    /// Adds the person's support once and returns whether it was new. One transaction holds the support, the stored
    /// count and the author's notification. The insert skips an existing (proposal, person) pair instead of failing, so
    /// a double click or parallel requests count once and cost no exception; the count moves by one in the same
    /// transaction (the write lock on SQLite, the row lock on PostgreSQL, keep parallel increments exact).
    /// </summary>
    public async Task<bool> SupportAsync(ProposalScope scope, Proposal p, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"ProposalSupport\" (\"ProposalId\", \"UserId\", \"CreatedAt\") VALUES ({p.Id}, {userId}, {now}) ON CONFLICT DO NOTHING", ct);
        if (added == 0)
            return false;
        var proposalId = p.Id;
        // The count after this support, from the same statement (both databases know UPDATE … RETURNING).
        var counted = await db.Database.SqlQuery<int>(
            $"UPDATE \"Proposal\" SET \"SupportCount\" = \"SupportCount\" + 1 WHERE \"Id\" = {proposalId} RETURNING \"SupportCount\" AS \"Value\"")
            .ToListAsync(ct);
        var url = $"{scope.Path}/{p.Id}";
        await notifier.NotifyAsync([p.AuthorId], NotificationKind.ProposalSupported, "Notifications.Text.Supported", p.Title, url, userId, ct);
        var threshold = scope.Settings.SupportThreshold;
        // Below the threshold after this support there is nothing to mark (a later support will find the count at or
        // above it), so the busiest write skips the conditional update below.
        if (threshold > 0 && counted.Count == 1 && counted[0] >= threshold)
        {
            // Conditional and exact (the count was just moved inside this transaction): of parallel supports crossing
            // the threshold, exactly one marks it and tells people.
            var marked = await db.Set<Proposal>()
                .Where(x => x.Id == proposalId && x.ThresholdReachedAt == null && x.State == ProposalState.Published && x.SupportCount >= threshold)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ThresholdReachedAt, now).SetProperty(x => x.State, ProposalState.ForEvaluation), ct);
            if (marked == 1)
            {
                var supporters = await db.Set<ProposalSupport>().Where(s => s.ProposalId == proposalId).Select(s => s.UserId).ToListAsync(ct);
                await notifier.NotifyAsync([p.AuthorId, .. supporters], NotificationKind.ProposalThreshold, "Notifications.Text.Threshold", p.Title, url, null, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Removes the person's support if there was one, and the stored count with it, in one transaction.</summary>
    public async Task WithdrawSupportAsync(Guid proposalId, Guid userId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.Set<ProposalSupport>().Where(s => s.ProposalId == proposalId && s.UserId == userId).ExecuteDeleteAsync(ct);
        if (removed == 0)
            return;
        await db.Set<Proposal>().Where(x => x.Id == proposalId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SupportCount, x => x.SupportCount - removed), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Process administrators' official answer; the author and followers are told.</summary>
    public async Task AnswerAsync(ProposalScope scope, Proposal p, ProposalState state, string text, Guid by, CancellationToken ct)
    {
        p.State = state;
        p.AnswerText = text.Trim();
        p.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        p.AnsweredById = by;
        p.UpdatedAt = p.AnsweredAt.Value;
        var url = $"{scope.Path}/{p.Id}";
        await notifier.NotifyAsync([p.AuthorId], NotificationKind.ProposalAnswered, "Notifications.Text.Answered", p.Title, url, by, ct);
        var followers = await db.Set<ProposalFollower>().Where(f => f.ProposalId == p.Id && f.UserId != p.AuthorId)
            .Select(f => f.UserId).ToListAsync(ct);
        await notifier.NotifyAsync(followers, NotificationKind.FollowedAnswered, "Notifications.Text.FollowedAnswered", p.Title, url, by, ct);
    }
}

/// <summary>Proposals take comments; commenting follows the current phase's switch.</summary>
public sealed class ProposalCommentTarget(AgoraDb db, ProcessAccess access, ProposalService proposals) : ICommentTarget
{
    public const string TypeName = "proposal";

    public string Type => TypeName;

    public async Task<CommentTargetInfo?> FindAsync(Guid id, ClaimsPrincipal reader, CancellationToken ct)
    {
        var p = await db.Set<Proposal>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p == null)
            return null;
        var process = await access.Visible(reader).AsNoTracking().Include(x => x.Phases).FirstOrDefaultAsync(x => x.Id == p.ProcessId, ct);
        if (process == null || !process.Has(ProposalService.Key))
            return null;
        var scope = await proposals.ScopeAsync(process, reader, ct);
        string? closed = !scope.Switches.Commenting ? "Proposals.Refused.CommentingClosed"
            : p.HiddenAt != null || p.State == ProposalState.Withdrawn ? "Proposals.Refused.NotOpen" : null;
        return new CommentTargetInfo($"{scope.Path}/{p.Id}", p.Title, closed, [p.AuthorId], scope.CanManage);
    }

    public Task RecountAsync(Guid id, CancellationToken ct) =>
        db.Set<Proposal>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount,
            p => db.Set<Comment>().Count(c => c.TargetType == TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null)), ct);
}
