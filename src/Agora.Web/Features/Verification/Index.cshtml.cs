using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Verification;

/// <summary>The person's own verification: their mark, or the census form and the other ways to verify.</summary>
[Authorize]
public sealed class IndexModel(VerificationService verification, Participants participants,
    IEnumerable<IVerificationMethod> methods, IStringLocalizer<SharedResource> l) : PageModel
{
    public VerificationStatus? Status { get; private set; }
    public IReadOnlyList<IVerificationMethod> Methods { get; } = methods.ToList();

    [BindProperty]
    public CensusInput Input { get; set; } = new();

    public sealed class CensusInput
    {
        [Required(ErrorMessage = V.Required), Display(Name = "Verification.Field.Identifier")]
        public string? Identifier { get; set; }

        [Required(ErrorMessage = V.Required), Display(Name = "Verification.Field.BirthDate")]
        public DateOnly? BirthDate { get; set; }
    }

    /// <summary>Where to return after verifying (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Status = await verification.StatusAsync(User.UserId()!.Value, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            ModelState.AddModelError("", l[refusal!]);
            await OnGetAsync(ct);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var (outcome, district) = await verification.VerifyByCensusAsync(actor.Id, Input.Identifier, Input.BirthDate, ct);
        // The identifier never goes back to the page, whatever happened.
        ModelState.Remove("Input.Identifier");
        Input.Identifier = null;
        if (outcome != CensusOutcome.Verified)
        {
            ModelState.AddModelError(outcome == CensusOutcome.Invalid ? "Input.Identifier" : "", l["Verification.Outcome." + outcome]);
            await OnGetAsync(ct);
            return Page();
        }
        TempData["Status"] = l["Verification.Outcome.Verified", Processes.Districts.NameOf(district)].Value;
        return ReturnUrl != null && Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage();
    }
}
