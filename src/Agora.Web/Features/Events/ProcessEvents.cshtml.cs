using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Events;

/// <summary>The events tab of a process.</summary>
public sealed class ProcessEventsModel(EventListing listing, ProcessAccess processes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public EventFilter Filter { get; set; } = new();

    public Process Process { get; private set; } = default!;

    public bool CanManage { get; private set; }

    public Paged<EventRow> Result { get; private set; } = new([], 1, EventListing.PageSize, 0);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var process = await processes.FindVisibleAsync(slug, User, ct);
        if (process == null || !process.Has("events"))
            return NotFound();
        Process = process;
        CanManage = await processes.CanManageAsync(User, process.Id, ct);
        Filter.Process = null;
        Result = await listing.ListAsync(User, Filter, process.Id, ct);
        return Page();
    }
}
