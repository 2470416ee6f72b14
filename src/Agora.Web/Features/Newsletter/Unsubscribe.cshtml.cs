using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Newsletter;

/// <summary>
/// Leaving the bulletin from any issue, without signing in. GET asks (a GET must change nothing: scanners open
/// links); POST leaves — from the button here or from the mail client's one-click List-Unsubscribe POST (RFC 8058).
/// </summary>
// Deliberately exempt from antiforgery: the RFC 8058 one-click POST comes from a mail client with no cookies and
// no form token. The signed token in the link is the guard; without it the POST does nothing.
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(NewsletterService newsletter, UnsubscribeTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public string Email { get; private set; } = "";
    public bool Done { get; private set; }

    public void OnGet() => Email = tokens.NewsletterEmail(Token) ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Email = tokens.NewsletterEmail(Token) ?? "";
        if (Email.Length == 0)
            return Page();
        await newsletter.UnsubscribeAsync(Email, ct);
        Done = true;
        return Page();
    }
}
