using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>
/// Which organisations a person may act for. Other modules ask here when they let a person act on an
/// organisation's behalf (a commitment, a contribution), rather than reading representatives themselves.
/// </summary>
public sealed class OrganizationMembership(AgoraDb db)
{
    /// <summary>Ids of the organisations the person is an approved representative of (none when anonymous).</summary>
    public IQueryable<Guid> RepresentedIds(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.UserId() ?? Guid.Empty;
        return db.Set<OrganizationRepresentative>()
            .Where(r => r.UserId == id && r.Status == RepresentativeStatus.Approved)
            .Select(r => r.OrganizationId);
    }

    public async Task<bool> IsRepresentativeAsync(ClaimsPrincipal user, Guid organizationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId() is Guid id && await db.Set<OrganizationRepresentative>().AnyAsync(
            r => r.OrganizationId == organizationId && r.UserId == id && r.Status == RepresentativeStatus.Approved, ct);
    }

    /// <summary>Site administrators edit every organisation; approved representatives edit theirs.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, Guid organizationId, CancellationToken ct) =>
        user.IsAdministrator() || await IsRepresentativeAsync(user, organizationId, ct);
}

/// <summary>Organisation websites as typed: "bait.bg" becomes "https://bait.bg"; anything not http(s) is refused.</summary>
public static class Websites
{
    public static bool TryNormalize(string? input, out string? website)
    {
        website = null;
        if (string.IsNullOrWhiteSpace(input))
            return true;
        var s = input.Trim();
        if (!s.Contains("://", StringComparison.Ordinal))
            s = "https://" + s;
        if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !uri.Host.Contains('.', StringComparison.Ordinal) || s.Length > 500)
            return false;
        website = uri.ToString().TrimEnd('/');
        return true;
    }
}
