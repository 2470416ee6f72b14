using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Newsletter;

/// <summary>The link in the confirmation e-mail. GET only asks (mail scanners open links: opting in must be the
/// person's click); POST confirms and spends the token.</summary>
public sealed class ConfirmModel(NewsletterService newsletter) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public bool Valid { get; private set; }
    public bool Done { get; private set; }
    public string Email { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pending = await newsletter.FindPendingAsync(Token, ct);
        Valid = pending != null;
        Email = pending?.Email ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Done = await newsletter.ConfirmAsync(Token, ct);
        return Page();
    }
}
