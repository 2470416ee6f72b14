using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Pages;

/// <summary>The demo's welcome page, written from the founding document (Content/pages/welcome.*.md).</summary>
public sealed class PagesDemo(AgoraDb db, ContentFiles content, TimeProvider clock) : IDemoContributor
{
    public int Order => 0;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<SitePage>().AnyAsync(p => p.Slug == "welcome", ct))
            return;
        var bg = content.Read("pages/welcome.bg.md");
        var en = content.Read("pages/welcome.en.md");
        db.Set<SitePage>().Add(new SitePage
        {
            Slug = "welcome",
            Title = new(bg.Title, en.Title),
            Body = new(bg.Body, en.Body),
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
