using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Notifications;

/// <summary>The bell in the header: a link to /notifications with the number of unread ones (one query, signed-in people only).</summary>
public sealed class NotificationBellViewComponent(AgoraDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.UserId() is not Guid me)
            return Content("");
        var unread = await db.Set<Notification>().CountAsync(n => n.UserId == me && n.ReadAt == null);
        return View("/Features/Notifications/_Bell.cshtml", unread);
    }
}
