using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>The person's requests to represent organisations, and the join requests they sent (signed in, or with their address).</summary>
public sealed class OrganizationsPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "organizations";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct)
    {
        var representation = await db.Set<OrganizationRepresentative>().AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Set<Organization>(), r => r.OrganizationId, o => o.Id, (r, o) => new
            {
                organization = o.Name.Bg,
                status = r.Status.ToString(),
                r.Note,
                r.CreatedAt,
                r.DecidedAt,
            })
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
        var joins = await db.Set<JoinRequest>().AsNoTracking()
            .Where(r => r.UserId == userId || (email != "" && r.ContactEmail == email))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                r.ProcessId,
                r.OrganizationName,
                r.OrganizationWebsite,
                r.Contribution,
                r.ContactName,
                r.ContactEmail,
                status = r.Status.ToString(),
                r.DeclineReason,
                r.CreatedAt,
                r.DecidedAt,
            })
            .ToListAsync(ct);
        return new { representationRequests = representation, joinRequests = joins };
    }
}
