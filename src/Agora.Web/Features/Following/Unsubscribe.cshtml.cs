using Agora.Web.Features.Newsletter;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Following;

/// <summary>
/// Stop following a process from the link in an e-mail, without signing in. GET asks (mail scanners follow links,
/// so a GET must change nothing); POST stops — from the page's button or from the mail client's one-click
/// List-Unsubscribe POST (RFC 8058).
/// </summary>
// Mail clients send the one-click POST without cookies, so there can be no antiforgery token; the signed token
// in the link is the guard, and the worst a forged request can do is what the link's owner asked for.
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(AgoraDb db, UnsubscribeTokens tokens) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public bool Valid { get; private set; }
    public bool Done { get; private set; }
    public string ProcessTitle { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || tokens.Follow(Token) is not { } follow)
            return Page();
        await db.Set<ProcessFollower>().Where(f => f.ProcessId == follow.ProcessId && f.UserId == follow.UserId).ExecuteDeleteAsync(ct);
        Done = true;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (tokens.Follow(Token) is not { } follow)
            return false;
        var title = await db.Set<Process>().Where(p => p.Id == follow.ProcessId).Select(p => new LocalizedText(p.Title.Bg, p.Title.En)).FirstOrDefaultAsync(ct);
        if (title == null)
            return false;
        ProcessTitle = title.Current;
        Valid = true;
        return true;
    }
}
