using Agora.Web.Features.Moderation;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Moderation;

/// <summary>The moderation queue: reported content, newest reports first; hide or restore with a reason, block the author.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AgoraDb db, ModerationService moderation, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 25;

    public sealed record Entry(string Type, Guid Id, int Reports, DateTime LastAt, IReadOnlyList<ReportReason> Reasons, ModeratedItem Item, string AuthorName, bool AuthorBlocked);

    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public Paged<int> Pager { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>From the query string by hand: "page" is also a Razor Pages route value, which would win in binding.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], out var n) ? Paging.Clamp(n) : 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var open = db.Set<Report>().AsNoTracking().Where(r => r.ResolvedAt == null).GroupBy(r => new { r.TargetType, r.TargetId });
        var total = await open.CountAsync(ct);
        var groups = await open.Select(g => new { g.Key.TargetType, g.Key.TargetId, Count = g.Count(), Last = g.Max(r => r.CreatedAt) })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Last).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = groups.Select(g => g.TargetId).ToList();
        var reasons = await db.Set<Report>().AsNoTracking().Where(r => r.ResolvedAt == null && ids.Contains(r.TargetId))
            .Select(r => new { r.TargetId, r.Reason }).ToListAsync(ct);
        var items = new Dictionary<Guid, ModeratedItem>();
        foreach (var type in groups.Select(g => g.TargetType).Distinct())
            if (moderation.Content(type) is { } c)
                foreach (var (k, v) in await c.FindAsync(groups.Where(g => g.TargetType == type).Select(g => g.TargetId).ToList(), null, ct))
                    items[k] = v;
        var authorIds = items.Values.Select(i => i.AuthorId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.BlockedAt }).ToDictionaryAsync(u => u.Id, ct);
        Entries = groups.Where(g => items.ContainsKey(g.TargetId)).Select(g =>
        {
            var item = items[g.TargetId];
            var a = authors.GetValueOrDefault(item.AuthorId);
            return new Entry(g.TargetType, g.TargetId, g.Count, g.Last,
                reasons.Where(r => r.TargetId == g.TargetId).Select(r => r.Reason).Distinct().ToList(), item, a?.DisplayName ?? "", a?.BlockedAt != null);
        }).ToList();
        Pager = new Paged<int>([], PageNumber, PageSize, total);
    }

    public async Task<IActionResult> OnPostDecideAsync(string type, Guid id, bool hide, string? reason, CancellationToken ct)
    {
        if (moderation.Content(type) is not { } content)
            return NotFound();
        var found = await content.FindAsync([id], null, ct);
        if (!found.TryGetValue(id, out var item))
            return NotFound();
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            TempData["Status"] = l["Moderation.ReasonRequired"].Value;
            return RedirectToPage();
        }
        await moderation.DecideAsync(User, content, item, hide, reason, ct);
        TempData["Status"] = l[hide ? "Moderation.HiddenStatus" : "Moderation.RestoredStatus"].Value;
        return RedirectToPage();
    }

    /// <summary>Moderators block authors of abuse; administrators can unblock on the person's page.</summary>
    public async Task<IActionResult> OnPostBlockAsync(Guid userId, string? reason, CancellationToken ct)
    {
        var person = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (person == null || person.DeletedAt != null)
            return NotFound();
        // Staff are blocked only by administrators, on the person's page (which also keeps the last administrator);
        // the queue blocks authors of reported content, nobody else.
        var isStaff = await db.UserRoles.AnyAsync(ur => ur.UserId == person.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Administrator || r.Name == Roles.Moderator)), ct);
        if (isStaff)
            return Forbid();
        if (person.Id == User.UserId() || string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            TempData["Status"] = l["Moderation.ReasonRequired"].Value;
            return RedirectToPage();
        }
        person.BlockedAt = clock.GetUtcNow().UtcDateTime;
        person.BlockedReason = reason.Trim();
        person.LockoutEnabled = true;
        person.LockoutEnd = DateTimeOffset.MaxValue;
        person.SecurityStamp = Guid.NewGuid().ToString();
        audit.Record(User, "user.block", "user", userId.ToString(), person.BlockedReason);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Admin.UserBlocked"].Value;
        return RedirectToPage();
    }
}
