using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organizations;

/// <summary>A site administrator adds an organisation to the registry.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class NewModel(AgoraDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var organization = new Organization { CreatedAt = now };
        if (!Input.TryApply(organization, mayList: true, ModelState, l, now))
            return Page();
        organization.Slug = await UniqueSlugAsync(db, Input.NameEn is { Length: > 0 } en && Input.NameBg.Length == 0 ? en : Input.NameBg, ct);
        db.Add(organization);
        audit.Record(User, "organization.create", "organization", organization.Id.ToString(), organization.Slug);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Organizations.Saved"].Value;
        return Redirect("/organizations/" + organization.Slug);
    }

    /// <summary>A slug not taken by another organisation, nor by the registry's own pages ("new").</summary>
    public static Task<string> UniqueSlugAsync(AgoraDb db, string name, CancellationToken ct) =>
        Slugs.UniqueAsync(name, async s => s == "new" || await db.Set<Organization>().AnyAsync(o => o.Slug == s, ct), "organization");
}
