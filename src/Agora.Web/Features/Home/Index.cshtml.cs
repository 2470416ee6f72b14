using System.Globalization;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Home;

public sealed class IndexModel(AgoraDb db, ContentFiles content) : PageModel
{
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        // The welcome page is editable content; until an operator has one, the shipped text stands in.
        var page = await db.SitePages.AsNoTracking().Where(p => p.Slug == "welcome")
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
    }
}
