using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organizations;

/// <summary>
/// An organisation asks to take part in a process's next conversations. Anyone may ask (a contact e-mail is
/// required); a signed-in representative may name an organisation they represent instead of describing one.
/// Rate-limited per client (see <see cref="OrganizationsSetup.JoinRateLimit"/>).
/// </summary>
public sealed class JoinModel(
    AgoraDb db, ProcessAccess access, OrganizationMembership membership, OrganizationEmails emails, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The value of the organisation choice meaning "a new organisation, described below".</summary>
    public const string NewOrganization = "new";

    public Process Process { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Represented { get; private set; } = [];

    [BindProperty]
    public JoinInput Input { get; set; } = new();

    public sealed class JoinInput
    {
        [Display(Name = "Organizations.Join.Organization")]
        public string? OrganizationChoice { get; set; }

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Join.OrganizationName")]
        public string? OrganizationName { get; set; }

        [Display(Name = "Organizations.Kind")]
        public OrganizationKind? OrganizationKind { get; set; }

        [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Website")]
        public string? OrganizationWebsite { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(2000, MinimumLength = 10, ErrorMessage = V.Length)]
        [Display(Name = "Organizations.Join.Contribution")]
        public string Contribution { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(200, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Join.ContactName")]
        public string ContactName { get; set; } = "";

        [Required(ErrorMessage = V.Required), EmailAddress(ErrorMessage = V.Email), StringLength(256, ErrorMessage = V.MaxLength)]
        [Display(Name = "Organizations.Join.ContactEmail")]
        public string ContactEmail { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (User.UserId() is Guid id)
        {
            var me = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
            Input.ContactName = me?.DisplayName ?? "";
            Input.ContactEmail = me?.Email ?? "";
        }
        Input.OrganizationChoice = Represented.Count > 0 ? Represented[0].Value : NewOrganization;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        Organization? chosen = null;
        var choice = Input.OrganizationChoice;
        if (!string.IsNullOrEmpty(choice) && choice != NewOrganization)
        {
            // Only an organisation the person represents; anything else is a tampered form.
            if (!Guid.TryParse(choice, out var orgId) || !await membership.IsRepresentativeAsync(User, orgId, ct))
                ModelState.AddModelError("Input.OrganizationChoice", l["Organizations.Join.NotYours"]);
            else
                chosen = await db.Set<Organization>().AsNoTracking().FirstAsync(o => o.Id == orgId, ct);
        }
        string? website = null;
        if (chosen == null)
        {
            if (string.IsNullOrWhiteSpace(Input.OrganizationName))
                ModelState.AddModelError("Input.OrganizationName", l[V.Required, l["Organizations.Join.OrganizationName"]]);
            if (Input.OrganizationKind == null)
                ModelState.AddModelError("Input.OrganizationKind", l[V.Required, l["Organizations.Kind"]]);
            if (!Websites.TryNormalize(Input.OrganizationWebsite, out website))
                ModelState.AddModelError("Input.OrganizationWebsite", l["Organizations.WebsiteInvalid"]);
        }
        if (!ModelState.IsValid)
            return Page();

        var request = new JoinRequest
        {
            ProcessId = Process.Id,
            UserId = User.UserId(),
            OrganizationId = chosen?.Id,
            OrganizationName = chosen?.Name.Current ?? Input.OrganizationName!.Trim(),
            OrganizationKind = chosen?.Kind ?? Input.OrganizationKind,
            OrganizationWebsite = chosen != null ? chosen.Website : website,
            Contribution = Input.Contribution.Trim(),
            ContactName = Input.ContactName.Trim(),
            ContactEmail = Input.ContactEmail.Trim(),
            Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "bg",
            Status = JoinRequestStatus.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(request);
        var uid = User.UserId();
        var normalized = request.ContactEmail.ToUpperInvariant();
        var proven = uid != null && await db.Users.AnyAsync(u => u.Id == uid && u.EmailConfirmed
            && u.NormalizedEmail == normalized, ct);
        await emails.JoinReceivedAsync(request, Process, proven, uid, ct);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Organizations.Join.Sent", request.ContactEmail].Value;
        return Redirect($"/processes/{Process.Slug}/join");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, User, ct);
        if (process == null)
            return false;
        Process = process;
        var items = await db.Set<Organization>().AsNoTracking()
            .Where(o => membership.RepresentedIds(User).Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        Represented = items.Select(o => new SelectListItem(o.Name.Current, o.Id.ToString()))
            .OrderBy(i => i.Text, StringComparer.CurrentCulture).ToList();
        return true;
    }
}
