using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.News;

/// <summary>Published news, site-wide or of a published process, newest first, in the sitemap.</summary>
public sealed class NewsSitemap(AgoraDb db) : ISitemapSource
{
    public int Order => 40;

    public IAsyncEnumerable<SitemapPage> PagesAsync(CancellationToken ct)
    {
        var processes = PublicProcesses.All(db).Select(p => p.Id);
        return db.Set<NewsPost>().AsNoTracking().Where(n => n.Published && (n.ProcessId == null || processes.Contains(n.ProcessId.Value)))
            .OrderByDescending(n => n.PublishedAt).Select(n => new SitemapPage("/news/" + n.Slug, n.UpdatedAt)).AsAsyncEnumerable();
    }
}
