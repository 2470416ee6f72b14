using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Proposals;

/// <summary>Public proposals in the sitemap.</summary>
public sealed class ProposalSitemap(AgoraDb db) : ISitemapSource
{
    public int Order => 50;

    public async IAsyncEnumerable<SitemapPage> PagesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // The address is made here, not in SQL: a database writes a Guid in its own case.
        var rows = (from p in PublicProposals.All(db).AsNoTracking()
                    join pr in db.Set<Process>() on p.ProcessId equals pr.Id
                    orderby p.CreatedAt
                    select new { pr.Slug, p.Id, Modified = p.UpdatedAt }).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
            yield return new SitemapPage($"/processes/{r.Slug}/proposals/{r.Id}", r.Modified);
    }
}
