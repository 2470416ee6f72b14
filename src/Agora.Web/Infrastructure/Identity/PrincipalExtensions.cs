using System.Security.Claims;

namespace Agora.Web.Infrastructure.Identity;

public static class PrincipalExtensions
{
    /// <summary>The signed-in person's id, or null for an anonymous visitor.</summary>
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>A site administrator who may act as one now (a staff role counts only with two-factor sign-in on).</summary>
    public static bool IsAdministrator(this ClaimsPrincipal principal) =>
        principal?.IsInRole(Roles.Administrator) == true;

    /// <summary>Staff roles the person holds but may not use until they turn on two-factor sign-in
    /// (see <see cref="StaffTwoFactorClaims"/>).</summary>
    public static IReadOnlyList<string> PendingStaffRoles(this ClaimsPrincipal principal) =>
        principal?.FindAll(StaffTwoFactorClaims.PendingRoleClaim).Select(c => c.Value).ToList() ?? [];

    /// <summary>Holds the role, whether usable now or waiting for two-factor: for links that lead staff to their pages
    /// (which then ask a person without two-factor to set it up), never for deciding what they may do.</summary>
    public static bool HoldsRole(this ClaimsPrincipal principal, string role) =>
        principal != null && (principal.IsInRole(role) || principal.PendingStaffRoles().Contains(role));
}
