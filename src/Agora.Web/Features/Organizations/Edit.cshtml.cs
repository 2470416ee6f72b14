using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organizations;

/// <summary>Site administrators and the organisation's approved representatives edit its profile. The slug stays, so links keep working.</summary>
public sealed class EditModel(AgoraDb db, OrganizationMembership membership, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public Organization Organization { get; private set; } = default!;

    /// <summary>Only site administrators decide whether an organisation is listed.</summary>
    public bool MayList => User.IsAdministrator();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        Input = OrganizationInput.From(Organization);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        if (!Input.TryApply(Organization, MayList, ModelState, l, clock.GetUtcNow().UtcDateTime))
            return Page();
        audit.Record(User, "organization.edit", "organization", Organization.Id.ToString(), Organization.Slug);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Organizations.Saved"].Value;
        return Redirect("/organizations/" + Organization.Slug);
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        if (User.UserId() == null)
            return Challenge();
        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (organization == null)
            return NotFound();
        if (!await membership.CanEditAsync(User, organization.Id, ct))
            return organization.Listed ? Forbid() : NotFound();
        Organization = organization;
        return null;
    }
}
