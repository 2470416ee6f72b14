using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Following;

/// <summary>POST /processes/{slug}/follow and /unfollow: the follow button's target; goes back where the person was.</summary>
[Authorize]
public sealed class FollowModel(AgoraDb db, ProcessAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet(string slug) => LocalRedirect("/processes/" + slug);

    public async Task<IActionResult> OnPostAsync(string slug, string verb, string? returnUrl, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, User, ct);
        if (process == null || User.UserId() is not Guid userId)
            return NotFound();
        var existing = await db.Set<ProcessFollower>().FirstOrDefaultAsync(f => f.ProcessId == process.Id && f.UserId == userId, ct);
        if (verb == "follow" && existing == null)
        {
            db.Add(new ProcessFollower { ProcessId = process.Id, UserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A double click: the other request added the same row first, which is what was asked.
            }
        }
        else if (verb == "unfollow" && existing != null)
        {
            db.Remove(existing);
            await db.SaveChangesAsync(ct);
        }
        TempData["Status"] = l[verb == "follow" ? "Following.Followed" : "Following.Unfollowed", process.Title.Current].Value;
        return LocalRedirect(returnUrl != null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/processes/" + process.Slug);
    }
}
