using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.News;

/// <summary>The news tab of a process. A process the reader may not see, or without the news component, is a 404.</summary>
public sealed class ProcessNewsModel(ProcessAccess processes, NewsAccess news) : PageModel
{
    public const int PageSize = 10;

    // From the query only: "page" is also the route value naming the Razor Page, which would win.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public Paged<NewsCard> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var process = await processes.FindVisibleAsync(slug, User, ct);
        if (process == null || !process.Has(NewsSetup.ComponentKey))
            return NotFound();
        Process = process;
        CanManage = await processes.CanManageAsync(User, process.Id, ct);
        Result = await news.PageAsync(news.Visible(User).Where(p => p.ProcessId == process.Id), PageNumber, PageSize, ct);
        return Page();
    }
}
