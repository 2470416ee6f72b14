using System.Security.Claims;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Search;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Moderation;

public sealed class ModerationOptions
{
    /// <summary>Open reports by different people after which content is hidden until a moderator reviews it.</summary>
    public int HideAfterReports { get; set; } = 3;
}

/// <summary>A piece of content as moderation sees it.</summary>
public sealed record ModeratedItem(Guid Id, Guid AuthorId, string Excerpt, string Url, DateTime? HiddenAt, string? HiddenReason);

/// <summary>Implemented by each module whose content can be reported and hidden.</summary>
public interface IModeratedContent
{
    string Type { get; }

    /// <summary>The items that exist; <paramref name="reader"/> limits them to what that person may see (null: staff, all).</summary>
    Task<Dictionary<Guid, ModeratedItem>> FindAsync(IReadOnlyCollection<Guid> ids, ClaimsPrincipal? reader, CancellationToken ct);

    /// <summary>Hides (with a reason; "" means pending review) or restores (null) and recounts what counts it.</summary>
    Task SetHiddenAsync(Guid id, DateTime? hiddenAt, string? reason, CancellationToken ct);
}

public sealed class ModerationService(
    AgoraDb db, IEnumerable<IModeratedContent> contents, Notifier notifier, AuditLog audit, TimeProvider clock,
    IOptions<ModerationOptions> options)
{
    public IModeratedContent? Content(string type) => contents.FirstOrDefault(c => c.Type == type);

    /// <summary>Records the report once per person; hides the content once enough people reported it. Returns false if already reported.</summary>
    public async Task<bool> ReportAsync(IModeratedContent content, ModeratedItem item, Guid reporterId, ReportReason reason, string details, CancellationToken ct)
    {
        db.Add(new Report
        {
            TargetType = content.Type,
            TargetId = item.Id,
            ReporterId = reporterId,
            Reason = reason,
            Details = details.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        var open = await db.Set<Report>().CountAsync(r => r.TargetType == content.Type && r.TargetId == item.Id && r.ResolvedAt == null, ct);
        if (open >= options.Value.HideAfterReports && item.HiddenAt == null)
        {
            await content.SetHiddenAsync(item.Id, clock.GetUtcNow().UtcDateTime, "", ct);
            // Hiding bypasses change tracking (ExecuteUpdate), so the search change log is told here.
            db.Add(SearchChange.For(content.Type, item.Id));
            audit.Record(null, "system", "moderation.autohide", content.Type, item.Id.ToString(), $"{open} reports");
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>A moderator's decision: hide with a reason, or restore; the reports are resolved, the author told, the act logged.</summary>
    public async Task DecideAsync(ClaimsPrincipal moderator, IModeratedContent content, ModeratedItem item, bool hide, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await content.SetHiddenAsync(item.Id, hide ? now : null, hide ? reason.Trim() : null, ct);
        db.Add(SearchChange.For(content.Type, item.Id));
        await db.Set<Report>().Where(r => r.TargetType == content.Type && r.TargetId == item.Id && r.ResolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now), ct);
        audit.Record(moderator, hide ? "moderation.hide" : "moderation.restore", content.Type, item.Id.ToString(), reason);
        await notifier.NotifyAsync([item.AuthorId], NotificationKind.Moderated,
            hide ? "Notifications.Text.Hidden" : "Notifications.Text.Restored", reason, item.Url, null, ct);
        await db.SaveChangesAsync(ct);
    }
}

public sealed class ProposalModeration(AgoraDb db, ProcessAccess access) : IModeratedContent
{
    public string Type => ProposalCommentTarget.TypeName;

    public async Task<Dictionary<Guid, ModeratedItem>> FindAsync(IReadOnlyCollection<Guid> ids, ClaimsPrincipal? reader, CancellationToken ct)
    {
        var processes = reader == null ? db.Set<Process>() : access.Visible(reader);
        return await db.Set<Proposal>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Join(processes, p => p.ProcessId, pr => pr.Id, (p, pr) => new ModeratedItem(p.Id, p.AuthorId, p.Title,
                "/processes/" + pr.Slug + "/proposals/" + p.Id, p.HiddenAt, p.HiddenReason))
            .ToDictionaryAsync(x => x.Id, ct);
    }

    public Task SetHiddenAsync(Guid id, DateTime? hiddenAt, string? reason, CancellationToken ct) =>
        db.Set<Proposal>().Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, hiddenAt).SetProperty(p => p.HiddenReason, reason), ct);
}

public sealed class CommentModeration(AgoraDb db, CommentService comments) : IModeratedContent
{
    public string Type => "comment";

    public async Task<Dictionary<Guid, ModeratedItem>> FindAsync(IReadOnlyCollection<Guid> ids, ClaimsPrincipal? reader, CancellationToken ct)
    {
        var rows = await db.Set<Comment>().AsNoTracking().Where(c => ids.Contains(c.Id) && c.DeletedAt == null)
            .Select(c => new { c.Id, c.AuthorId, c.Body, c.TargetType, c.TargetId, c.HiddenAt, c.HiddenReason }).ToListAsync(ct);
        var result = new Dictionary<Guid, ModeratedItem>();
        // The queue is short (one page); each comment's target resolves its own address and visibility.
        foreach (var c in rows)
        {
            if (comments.Target(c.TargetType) is not { } t)
                continue;
            var info = await t.FindAsync(c.TargetId, reader ?? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Infrastructure.Identity.Roles.Administrator)], "staff")), ct);
            if (info == null)
                continue;
            result[c.Id] = new ModeratedItem(c.Id, c.AuthorId, c.Body.Length > 300 ? c.Body[..300] + "…" : c.Body,
                info.Url + "#comment-" + c.Id, c.HiddenAt, c.HiddenReason);
        }
        return result;
    }

    public async Task SetHiddenAsync(Guid id, DateTime? hiddenAt, string? reason, CancellationToken ct)
    {
        // Hiding and the target's comment count change together.
        await db.InTransactionAsync(async () =>
        {
            await db.Set<Comment>().Where(c => c.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, hiddenAt).SetProperty(c => c.HiddenReason, reason), ct);
            var target = await db.Set<Comment>().Where(c => c.Id == id).Select(c => new { c.TargetType, c.TargetId }).FirstAsync(ct);
            await comments.RecountAsync(target.TargetType, target.TargetId, ct);
        }, ct);
    }
}
