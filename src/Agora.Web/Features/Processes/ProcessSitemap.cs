using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Processes;

/// <summary>Published processes in the sitemap.</summary>
public sealed class ProcessSitemap(AgoraDb db) : ISitemapSource
{
    public int Order => 10;

    public IAsyncEnumerable<SitemapPage> PagesAsync(CancellationToken ct) =>
        PublicProcesses.All(db).AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => new SitemapPage("/processes/" + p.Slug, p.UpdatedAt)).AsAsyncEnumerable();
}
