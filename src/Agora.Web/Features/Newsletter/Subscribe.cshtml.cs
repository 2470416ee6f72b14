using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace Agora.Web.Features.Newsletter;

/// <summary>
/// The sign-up form (also posted from every page's footer). The answer is the same whether or not the address was
/// subscribed; the e-mail with the confirmation link is the only proof of ownership, so nothing is sent until it is clicked.
/// </summary>
// The footer form carries no antiforgery token (it would put a cookie and no-store on every anonymous page).
// A forged post can only make us send one confirmation link, which does nothing unless its owner clicks it;
// the rate limit caps how many.
[IgnoreAntiforgeryToken]
[EnableRateLimiting(NewsletterSetup.RateLimitPolicy)]
public sealed class SubscribeModel(NewsletterService newsletter) : PageModel
{
    [BindProperty]
    public SubscribeInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public IEnumerable<SelectListItem> Languages =>
    [
        new("Български", Cultures.Bulgarian),
        new("English", Cultures.English),
    ];

    public sealed class SubscribeInput
    {
        [Required(ErrorMessage = V.Required), EmailAddress(ErrorMessage = V.Email), StringLength(256, ErrorMessage = V.MaxLength)]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Display(Name = "Field.Language")]
        public string? Culture { get; set; }
    }

    public void OnGet() => Input.Culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "bg";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var culture = Cultures.IsSupported(Input.Culture) ? Input.Culture! : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await newsletter.SubscribeAsync(Input.Email, culture, ct);
        Sent = true;
        return Page();
    }
}
