using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>The platform must always keep one administrator who can act: not blocked, not erased.</summary>
public static class LastAdministrator
{
    public static async Task<int> ActiveAdministratorsAsync(AgoraDb db, CancellationToken ct = default)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return await db.UserRoles.Where(ur => ur.RoleId == roleId)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u)
            .CountAsync(u => u.BlockedAt == null && u.DeletedAt == null, ct);
    }
}
