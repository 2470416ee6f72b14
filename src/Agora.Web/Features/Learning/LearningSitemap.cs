using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.OpenData;

namespace Agora.Web.Features.Learning;

/// <summary>Published guides and courses in the sitemap.</summary>
public sealed class LearningSitemap(LearningCatalog learning) : ISitemapSource
{
    public int Order => 70;

    public async IAsyncEnumerable<SitemapPage> PagesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var g in await learning.PublishedGuidesAsync(ct))
            yield return new SitemapPage(g.Path, g.UpdatedAt);
        foreach (var c in await learning.PublishedCoursesAsync(ct))
            yield return new SitemapPage(c.Path, c.UpdatedAt);
    }
}
