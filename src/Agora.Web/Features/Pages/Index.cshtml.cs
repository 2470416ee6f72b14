using System.Globalization;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Pages;

public sealed class IndexModel(AgoraDb db, ContentFiles content, ProcessAccess access, TimeProvider clock) : PageModel
{
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    public sealed record ProcessCard(string Slug, LocalizedTextView Title, LocalizedTextView Summary, DateOnly EndsOn);

    /// <summary>Processes running today that the reader may see, ending soonest first: where to take part now.</summary>
    public IReadOnlyList<ProcessCard> Active { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        // The welcome page is editable content; until an operator has one, the shipped text stands in.
        var page = await db.Set<SitePage>().AsNoTracking().Where(p => p.Slug == "welcome")
            .Select(p => new { TitleBg = p.Title.Bg, TitleEn = p.Title.En, BodyBg = p.Body.Bg, BodyEn = p.Body.En })
            .FirstOrDefaultAsync(ct);
        if (page != null)
        {
            Title = en && page.TitleEn.Length > 0 ? page.TitleEn : page.TitleBg;
            Body = en && page.BodyEn.Length > 0 ? page.BodyEn : page.BodyBg;
        }
        else
        {
            var file = content.ReadLocalized("pages", "welcome", en ? "en" : "bg");
            (Title, Body) = (file.Title, file.Body);
        }
        var today = DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));
        Active = (await access.Visible(User).AsNoTracking()
                .Where(p => p.Published && p.StartsOn <= today && p.EndsOn >= today)
                .OrderBy(p => p.EndsOn).ThenBy(p => p.Slug).Take(6)
                .Select(p => new { p.Slug, TB = p.Title.Bg, TE = p.Title.En, SB = p.Summary.Bg, SE = p.Summary.En, p.EndsOn })
                .ToListAsync(ct))
            .Select(p => new ProcessCard(p.Slug, new(p.TB, p.TE), new(p.SB, p.SE), p.EndsOn)).ToList();
    }
}
