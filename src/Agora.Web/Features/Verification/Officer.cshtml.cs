using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Verification;

/// <summary>A municipal officer verifies a person in person (having seen their identity document) or revokes a
/// verification; both are audit-logged.</summary>
[Authorize(Roles = Roles.Officer + "," + Roles.Administrator)]
public sealed class OfficerModel(VerificationService verification, AgoraDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public OfficerInput Input { get; set; } = new();

    public sealed class OfficerInput
    {
        [Required(ErrorMessage = V.Required), EmailAddress(ErrorMessage = V.Email), Display(Name = "Verification.Field.Email")]
        public string? Email { get; set; }

        [Display(Name = "Verification.Field.District")]
        public string? District { get; set; }

        [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "Verification.Field.Reason")]
        public string? Reason { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!Districts.IsKnown(Input.District))
            ModelState.AddModelError("Input.District", l[V.Required]);
        var userId = await FindAsync(ct);
        if (!ModelState.IsValid || userId == null)
            return Page();
        var outcome = await verification.GrantAsync(userId.Value, Input.District!, InPersonMethod.MethodKey, null, User, ct);
        if (outcome != CensusOutcome.Verified)
        {
            ModelState.AddModelError("", l["Verification.Outcome." + outcome]);
            return Page();
        }
        TempData["Status"] = l["Verification.Officer.Verified", Input.Email!, Districts.NameOf(Input.District)].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Reason))
            ModelState.AddModelError("Input.Reason", l[V.Required]);
        var userId = await FindAsync(ct);
        if (!ModelState.IsValid || userId == null)
            return Page();
        if (!await verification.RevokeAsync(userId.Value, User, Input.Reason!.Trim(), ct))
        {
            ModelState.AddModelError("", l["Verification.Officer.NotVerified"]);
            return Page();
        }
        TempData["Status"] = l["Verification.Officer.Revoked", Input.Email!].Value;
        return RedirectToPage();
    }

    private async Task<Guid?> FindAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return null;
        var normalized = Input.Email!.Trim().ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized && u.DeletedAt == null).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (id == null)
            ModelState.AddModelError("Input.Email", l["Verification.Officer.NoSuchPerson"]);
        return id;
    }
}
