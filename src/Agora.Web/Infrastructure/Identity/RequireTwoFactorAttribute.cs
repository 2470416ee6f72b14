using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>
/// Pages outside /admin where a site administrator acts with their powers (creating or managing processes …):
/// an administrator without two-factor sign-in is sent to set it up first, as in the admin shell. Other people
/// (e.g. a process administrator) pass; their rights are checked by the page itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireTwoFactorAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var principal = context.HttpContext.User;
        if (principal.IsInRole(Roles.Administrator))
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AgoraUser>>();
            var user = await users.GetUserAsync(principal);
            if (user is { TwoFactorEnabled: false })
            {
                var returnUrl = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
                context.Result = new RedirectToPageResult("/Account/Manage/TwoFactor", new { required = true, returnUrl });
                return;
            }
        }
        await next();
    }
}
