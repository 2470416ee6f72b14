using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>Published events, stand-alone or of a published process, in the sitemap.</summary>
public sealed class EventSitemap(AgoraDb db) : ISitemapSource
{
    public int Order => 20;

    public async IAsyncEnumerable<SitemapPage> PagesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var processes = PublicProcesses.All(db).Select(p => p.Id);
        // The address is made here, not in SQL: a database writes a Guid in its own case.
        await foreach (var e in db.Set<Event>().AsNoTracking().Where(e => e.Published && (e.ProcessId == null || processes.Contains(e.ProcessId.Value)))
            .OrderBy(e => e.StartsAt).Select(e => new { e.Id, e.UpdatedAt }).AsAsyncEnumerable().WithCancellation(ct))
            yield return new SitemapPage($"/events/{e.Id}", e.UpdatedAt);
    }
}
