using System.Security.Claims;

namespace Agora.Web.Infrastructure.Identity;

public static class PrincipalExtensions
{
    /// <summary>The signed-in person's id, or null for an anonymous visitor.</summary>
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsAdministrator(this ClaimsPrincipal principal) =>
        principal?.IsInRole(Roles.Administrator) == true;
}
