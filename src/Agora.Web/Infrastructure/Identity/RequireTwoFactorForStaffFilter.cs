using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>
/// Administrators and moderators reach no admin page until they have set up two-factor sign-in.
/// Checked against the database on every admin request, so turning 2FA off closes the admin shell at once.
/// A second line for the admin shell: <see cref="StaffTwoFactorClaims"/> already withholds every staff role, on every
/// page and endpoint, from a person without two-factor, so the shell's policies refuse them before this runs.
/// </summary>
public sealed class RequireTwoFactorForStaffFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AgoraUser>>();
        var user = await users.GetUserAsync(context.HttpContext.User);
        if (user == null)
        {
            context.Result = new ChallengeResult();
            return;
        }
        if (!user.TwoFactorEnabled)
        {
            var returnUrl = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
            context.Result = new RedirectToPageResult("/Account/Manage/TwoFactor", new { required = true, returnUrl });
            return;
        }
        await next();
    }
}
