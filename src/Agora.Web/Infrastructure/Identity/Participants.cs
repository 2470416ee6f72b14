using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>Who may act (propose, support, comment, report): signed in, not blocked, not erased, e-mail confirmed.
/// Checked against the database on every act, so a block takes effect at once.</summary>
public sealed class Participants(AgoraDb db)
{
    public sealed record Actor(Guid Id, string DisplayName, bool EmailConfirmed);

    /// <summary>The acting person, or the resource key of why they may not act.</summary>
    public async Task<(Actor? Actor, string? Refusal)> CheckAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.UserId() is not Guid id)
            return (null, "Participation.SignInRequired");
        var u = await db.Users.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.DisplayName, x.EmailConfirmed, x.BlockedAt, x.DeletedAt }).FirstOrDefaultAsync(ct);
        if (u == null || u.DeletedAt != null)
            return (null, "Participation.SignInRequired");
        if (u.BlockedAt != null)
            return (null, "Participation.Blocked");
        if (!u.EmailConfirmed)
            return (null, "Participation.EmailUnconfirmed");
        return (new Actor(u.Id, u.DisplayName, u.EmailConfirmed), null);
    }
}
