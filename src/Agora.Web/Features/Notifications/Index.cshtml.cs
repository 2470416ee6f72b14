using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Notifications;

[Authorize]
public sealed class IndexModel(AgoraDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    /// <summary>From the query string by hand: "page" is also a Razor Pages route value, which would win in binding.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], out var n) ? Paging.Clamp(n) : 1;

    public Paged<Notification> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == me);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Result = new Paged<Notification>(items, PageNumber, PageSize, total);
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Notification>().Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return RedirectToPage();
    }

    /// <summary>Opening a notification marks it read and goes to what it is about.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        var n = await db.Set<Notification>().FirstOrDefaultAsync(x => x.Id == id && x.UserId == me, ct);
        if (n == null)
            return NotFound();
        n.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return LocalRedirect(n.Url.StartsWith('/') ? n.Url : "/");
    }
}
