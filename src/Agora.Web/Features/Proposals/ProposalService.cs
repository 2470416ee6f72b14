using System.Security.Claims;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

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
}

public sealed class ProposalService(
    AgoraDb db, ProcessAccess access, Notifier notifier, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ProposalOptions> options)
{
    public const string Key = "proposals";
    /// <summary>Verification requirements administrators may switch on (/admin/census); off by default.</summary>
    public const string SupportAction = "proposals.support";
    public const string CreateAction = "proposals.create";

    /// <summary>The process if the reader may see it and has proposals switched on; three queries.</summary>
    public async Task<ProposalScope?> ScopeAsync(string slug, ClaimsPrincipal reader, CancellationToken ct)
    {
        var process = await access.Visible(reader).AsNoTracking().Include(p => p.Phases).FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (process == null || !process.Has(Key))
            return null;
        return await ScopeAsync(process, reader, ct);
    }

    public async Task<ProposalScope> ScopeAsync(Process process, ClaimsPrincipal reader, CancellationToken ct)
    {
        var current = process.Phases.FirstOrDefault(p => p.IsCurrent)?.Id;
        var data = await db.Set<ProposalSettings>().AsNoTracking().Where(s => s.ProcessId == process.Id)
            .Select(s => new { Settings = (ProposalSettings?)s }).FirstOrDefaultAsync(ct);
        var phase = current is Guid pid
            ? await db.Set<ProposalPhaseSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.PhaseId == pid, ct)
            : null;
        var categories = await db.Set<ProposalCategory>().AsNoTracking().Where(c => c.ProcessId == process.Id)
            .OrderBy(c => c.Position).ToListAsync(ct);
        var canManage = await access.CanManageAsync(reader, process.Id, ct);
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

    /// <summary>Adds the person's support once; parallel requests meet the key and count once. Returns whether it was new.</summary>
    public async Task<bool> SupportAsync(ProposalScope scope, Proposal p, Guid userId, CancellationToken ct)
    {
        db.Add(new ProposalSupport { ProposalId = p.Id, UserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        await RecountSupportsAsync(p.Id, ct);
        var count = await db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.SupportCount).FirstAsync(ct);
        var url = $"{scope.Path}/{p.Id}";
        await notifier.NotifyAsync([p.AuthorId], NotificationKind.ProposalSupported, "Notifications.Text.Supported", p.Title, url, userId, ct);
        if (count >= scope.Settings.SupportThreshold && scope.Settings.SupportThreshold > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Conditional: of parallel supports crossing the threshold, exactly one marks it and tells people.
            var marked = await db.Set<Proposal>()
                .Where(x => x.Id == p.Id && x.ThresholdReachedAt == null && x.State == ProposalState.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ThresholdReachedAt, now).SetProperty(x => x.State, ProposalState.ForEvaluation), ct);
            if (marked == 1)
            {
                var supporters = await db.Set<ProposalSupport>().Where(s => s.ProposalId == p.Id).Select(s => s.UserId).ToListAsync(ct);
                await notifier.NotifyAsync([p.AuthorId, .. supporters], NotificationKind.ProposalThreshold, "Notifications.Text.Threshold", p.Title, url, null, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task WithdrawSupportAsync(Guid proposalId, Guid userId, CancellationToken ct)
    {
        await db.Set<ProposalSupport>().Where(s => s.ProposalId == proposalId && s.UserId == userId).ExecuteDeleteAsync(ct);
        await RecountSupportsAsync(proposalId, ct);
    }

    public Task RecountSupportsAsync(Guid proposalId, CancellationToken ct) =>
        db.Set<Proposal>().Where(p => p.Id == proposalId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.SupportCount, p => db.Set<ProposalSupport>().Count(x => x.ProposalId == p.Id)), ct);

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
