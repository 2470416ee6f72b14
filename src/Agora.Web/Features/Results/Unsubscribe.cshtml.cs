using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.ResultTracking;

/// <summary>
/// Stop following a result from the link in an update e-mail, without signing in. GET asks (mail scanners follow
/// links); POST stops, from the page's button or the mail client's one-click List-Unsubscribe POST (RFC 8058).
/// </summary>
// The one-click POST comes without cookies, so no antiforgery token: the signed token in the link is the guard.
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(AgoraDb db, ResultMail mail, ResultService results) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public bool Valid { get; private set; }
    public bool Done { get; private set; }
    public string ResultTitle { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || mail.Open(Token) is not { } follow)
            return Page();
        await results.FollowAsync(follow.ResultId, follow.UserId, false, ct);
        Done = true;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (mail.Open(Token) is not { } follow)
            return false;
        var title = await db.Set<TrackedResult>().Where(r => r.Id == follow.ResultId)
            .Select(r => new LocalizedText(r.Title.Bg, r.Title.En)).FirstOrDefaultAsync(ct);
        if (title == null)
            return false;
        ResultTitle = title.Current;
        Valid = true;
        return true;
    }
}
