using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>
/// A staff role (<see cref="Roles.Staff"/>: administrator, moderator, officer) counts only once its holder has turned on
/// two-factor sign-in. Until then the role claims are taken off the signed-in principal on every request, so every check
/// anywhere — <c>[Authorize]</c> policies, <c>User.IsInRole</c>, <c>User.IsAdministrator()</c> in pages, services and
/// minimal APIs — sees an ordinary signed-in person: the rule follows the role, not a URL prefix. The roles held are kept
/// as <see cref="PendingRoleClaim"/> claims, so a page that needs one sends the person to set up two-factor instead of
/// refusing (see <see cref="StaffTwoFactorResultHandler"/> and <see cref="StaffTwoFactor.OnRedirectToAccessDenied"/>).
/// Read from the database on every request of a staff member: turning two-factor off takes the powers away at once.
/// </summary>
public sealed class StaffTwoFactorClaims(AgoraDb db) : IClaimsTransformation
{
    /// <summary>A staff role the person holds but may not use until two-factor sign-in is on.</summary>
    public const string PendingRoleClaim = "agora:pending_role";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!principal.Claims.Any(IsStaffRole))
            return principal; // anonymous, an ordinary person, or already transformed
        var enabled = principal.UserId() is Guid id
            && await db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).FirstOrDefaultAsync();
        if (enabled)
            return principal;
        var clone = principal.Clone();
        foreach (var identity in clone.Identities)
        {
            foreach (var role in identity.Claims.Where(IsStaffRole).ToList())
            {
                identity.RemoveClaim(role);
                identity.AddClaim(new Claim(PendingRoleClaim, role.Value));
            }
        }
        return clone;
    }

    private static bool IsStaffRole(Claim c) =>
        c.Subject is { } identity && c.Type == identity.RoleClaimType && Roles.Staff.Contains(c.Value);
}

/// <summary>
/// When authorization refuses a staff member whose role is only pending (no two-factor yet) and the role would have let
/// them in, a GET is sent to the two-factor set-up page (and back afterwards); any other method is refused the same way,
/// before the handler runs. Every other refusal is answered as before.
/// </summary>
public sealed class StaffTwoFactorResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.User.PendingStaffRoles().Count > 0)
        {
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            var withRoles = await authorization.AuthorizeAsync(StaffTwoFactor.WithPendingRoles(context.User), context, policy);
            if (withRoles.Succeeded)
            {
                StaffTwoFactor.RedirectToSetup(context);
                return;
            }
            // Two-factor would not help: the usual refusal, not a detour to the set-up page.
            context.Items[StaffTwoFactor.PlainRefusal] = true;
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}

public static class StaffTwoFactor
{
    internal const string PlainRefusal = "agora:plain-refusal";

    /// <summary>The principal as it would be with two-factor on: its pending staff roles as roles.</summary>
    public static ClaimsPrincipal WithPendingRoles(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var clone = user.Clone();
        if (clone.Identity is ClaimsIdentity identity)
        {
            foreach (var role in user.PendingStaffRoles())
                identity.AddClaim(new Claim(identity.RoleClaimType, role));
        }
        return clone;
    }

    /// <summary>The set-up page, with the way back for a GET.</summary>
    public static string SetupUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var links = context.RequestServices.GetRequiredService<LinkGenerator>();
        var request = context.Request;
        object values = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? new { required = true, returnUrl = request.PathBase + request.Path + request.QueryString }
            : new { required = true };
        return links.GetPathByPage("/Account/Manage/TwoFactor", values: values) ?? "/account/manage/two-factor?required=True";
    }

    public static void RedirectToSetup(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Redirect(SetupUrl(context));
    }

    /// <summary>A page that refuses in its own code (<c>Forbid()</c>, e.g. "only the process's managers") refuses a site
    /// administrator without two-factor too, since their role is pending; send them to set it up rather than to
    /// "access denied". A moderator's or officer's pending role does not open such pages, so they get the usual answer.</summary>
    public static Task OnRedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context,
        Func<RedirectContext<CookieAuthenticationOptions>, Task> otherwise)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(otherwise);
        var http = context.HttpContext;
        if (!http.Items.ContainsKey(PlainRefusal) && http.User.PendingStaffRoles().Contains(Roles.Administrator))
        {
            RedirectToSetup(http);
            return Task.CompletedTask;
        }
        return otherwise(context);
    }
}
