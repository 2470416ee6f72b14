using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>Listed organisations in the sitemap.</summary>
public sealed class OrganizationSitemap(AgoraDb db) : ISitemapSource
{
    public int Order => 30;

    public IAsyncEnumerable<SitemapPage> PagesAsync(CancellationToken ct) =>
        db.Set<Organization>().AsNoTracking().Where(o => o.Listed).OrderBy(o => o.Slug)
            .Select(o => new SitemapPage("/organizations/" + o.Slug, o.UpdatedAt)).AsAsyncEnumerable();
}
