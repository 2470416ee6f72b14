using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Debates;

/// <summary>Public debates in the sitemap, changed when they were closed.</summary>
public sealed class DebateSitemap(AgoraDb db) : ISitemapSource
{
    public int Order => 60;

    public async IAsyncEnumerable<SitemapPage> PagesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // The address is made here, not in SQL: a database writes a Guid in its own case.
        var rows = (from d in PublicDebates.All(db).AsNoTracking()
                    join pr in db.Set<Process>() on d.ProcessId equals pr.Id
                    orderby d.CreatedAt
                    select new { pr.Slug, d.Id, Modified = d.ClosedAt ?? d.CreatedAt }).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
            yield return new SitemapPage($"/processes/{r.Slug}/debates/{r.Id}", r.Modified);
    }
}
