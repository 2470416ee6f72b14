using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organizations;

/// <summary>An organisation's profile and participation history; signed-in people ask here to represent it.</summary>
public sealed class ShowModel(
    AgoraDb db, OrganizationMembership membership, IEnumerable<IOrganizationHistorySource> history, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Organization Organization { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    public RepresentativeStatus? MyStatus { get; private set; }
    public IReadOnlyList<HistoryItem> History { get; private set; } = [];
    public IReadOnlyList<string> Representatives { get; private set; } = [];

    [BindProperty]
    public RepresentInput Represent { get; set; } = new();

    public sealed class RepresentInput
    {
        [StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Field.RepresentNote")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRepresentAsync(string slug, CancellationToken ct)
    {
        if (User.UserId() is not Guid userId)
            return Challenge();
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (MyStatus != null)
            ModelState.AddModelError("", l["Organizations.AlreadyAsked"]);
        if (!ModelState.IsValid)
            return Page();
        db.Add(new OrganizationRepresentative
        {
            OrganizationId = Organization.Id,
            UserId = userId,
            Status = RepresentativeStatus.Pending,
            Note = Represent.Note?.Trim() ?? "",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests at once: the unique index keeps one.
            ModelState.AddModelError("", l["Organizations.AlreadyAsked"]);
            return Page();
        }
        TempData["Status"] = l["Organizations.RepresentAsked"].Value;
        return RedirectToPage(new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (organization == null)
            return false;
        CanEdit = await membership.CanEditAsync(User, organization.Id, ct);
        // Unlisted organisations exist only for the people who look after them.
        if (!organization.Listed && !CanEdit)
            return false;
        Organization = organization;
        if (User.UserId() is Guid userId)
        {
            MyStatus = await db.Set<OrganizationRepresentative>()
                .Where(r => r.OrganizationId == organization.Id && r.UserId == userId)
                .Select(r => (RepresentativeStatus?)r.Status).FirstOrDefaultAsync(ct);
        }
        if (CanEdit)
        {
            Representatives = await db.Set<OrganizationRepresentative>()
                .Where(r => r.OrganizationId == organization.Id && r.Status == RepresentativeStatus.Approved)
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.DisplayName)
                .OrderBy(n => n).ToListAsync(ct);
        }
        var items = new List<HistoryItem>();
        foreach (var source in history)
            items.AddRange(await source.ForAsync(organization.Id, User, ct));
        History = items.OrderByDescending(i => i.At).ToList();
        return true;
    }
}
