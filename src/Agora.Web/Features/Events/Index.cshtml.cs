using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>All events the reader may see: upcoming or past, filtered by process, type and district.</summary>
public sealed class IndexModel(EventListing listing, ProcessAccess processes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public EventFilter Filter { get; set; } = new();

    public Paged<EventRow> Result { get; private set; } = new([], 1, EventListing.PageSize, 0);

    public IReadOnlyList<(string Slug, string Title)> Processes { get; private set; } = [];

    public bool CanCreate { get; private set; }

    /// <summary>Three queries whatever the page size: the processes for the filter, the count, the page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = await processes.Visible(User).AsNoTracking().OrderBy(p => p.Slug)
            .Select(p => new { p.Slug, p.Title.Bg, p.Title.En }).ToListAsync(ct);
        Processes = visible.Select(p => (p.Slug, new Infrastructure.Data.LocalizedText(p.Bg, p.En).Current)).ToList();
        Result = await listing.ListAsync(User, Filter, null, ct);
        CanCreate = Infrastructure.Identity.PrincipalExtensions.IsAdministrator(User);
    }
}
