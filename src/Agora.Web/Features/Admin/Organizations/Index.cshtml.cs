using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Organizations;

/// <summary>Requests to represent an organisation, waiting for a site administrator; decisions are e-mailed and audit-logged.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AgoraDb db, OrganizationEmails emails, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Guid Id, string OrganizationSlug, LocalizedText OrganizationName, bool Listed, Guid UserId,
        string DisplayName, string? Email, string Note, DateTime CreatedAt);

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public int UnlistedCount { get; private set; }

    /// <summary>Two queries: the oldest 100 pending requests with their organisation and person, and the unlisted count.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await db.Set<OrganizationRepresentative>().AsNoTracking()
            .Where(r => r.Status == RepresentativeStatus.Pending)
            .Join(db.Set<Organization>(), r => r.OrganizationId, o => o.Id, (r, o) => new { r, o })
            .Join(db.Users, x => x.r.UserId, u => u.Id, (x, u) => new { x.r, x.o, u })
            .OrderBy(x => x.r.CreatedAt).Take(100)
            .Select(x => new Row(x.r.Id, x.o.Slug, x.o.Name, x.o.Listed, x.u.Id, x.u.DisplayName, x.u.Email, x.r.Note, x.r.CreatedAt))
            .ToListAsync(ct);
        UnlistedCount = await db.Set<Organization>().CountAsync(o => !o.Listed, ct);
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => DecideAsync(id, true, ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) => DecideAsync(id, false, ct);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken ct)
    {
        var request = await db.Set<OrganizationRepresentative>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request == null)
            return NotFound();
        if (request.Status != RepresentativeStatus.Pending)
        {
            TempData["Status"] = l["Organizations.Admin.AlreadyDecided"].Value;
            return RedirectToPage();
        }
        var organization = await db.Set<Organization>().AsNoTracking().FirstAsync(o => o.Id == request.OrganizationId, ct);
        var person = await db.Users.AsNoTracking().FirstAsync(u => u.Id == request.UserId, ct);
        request.Status = approve ? RepresentativeStatus.Approved : RepresentativeStatus.Declined;
        request.DecidedAt = clock.GetUtcNow().UtcDateTime;
        request.DecidedById = User.UserId();
        if (person.Email != null && person.DeletedAt == null)
            emails.RepresentationDecided(person, organization, approve);
        audit.Record(User, approve ? "organization.representative.approve" : "organization.representative.decline",
            "organization", organization.Id.ToString(), $"{organization.Slug}: {person.Id}");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l[approve ? "Organizations.Admin.Approved" : "Organizations.Admin.Declined", person.DisplayName, organization.Name.Current].Value;
        return RedirectToPage();
    }
}
