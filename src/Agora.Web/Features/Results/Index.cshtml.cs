using Agora.Web.Features.Processes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.ResultTracking;

/// <summary>
/// The city-wide tracker (/results) and a process's results tab (/processes/{slug}/results): what was decided and
/// how far it has got, filtered by district, status and process with GET, with totals on top. Four queries at most
/// whatever the number of results.
/// </summary>
public sealed class IndexModel(ResultService results, ProcessAccess access) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "district")]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>A process slug, on the city-wide tracker.</summary>
    [BindProperty(SupportsGet = true, Name = "process")]
    public string? ProcessSlug { get; set; }

    /// <summary>The process of the tab; null on the city-wide tracker.</summary>
    public Process? Process { get; private set; }
    public bool CanManage { get; private set; }
    public ResultOverview Overview { get; private set; } = default!;

    public string Path => Process == null ? "/results" : $"/processes/{Process.Slug}/{ResultService.Segment}";

    public async Task<IActionResult> OnGetAsync(string? slug, [FromQuery(Name = "page")] int page, CancellationToken ct)
    {
        if (slug != null)
        {
            Process = await access.FindVisibleAsync(slug, User, ct);
            if (Process == null || !Process.Has(ResultService.Key))
                return NotFound();
            CanManage = await access.CanManageAsync(User, Process.Id, ct);
            ProcessSlug = Process.Slug;
        }
        // Unknown filter values are ignored rather than refused: a stale bookmark still shows the tracker.
        var status = Enum.TryParse<ResultStatus>(Status, true, out var s) && Enum.IsDefined(s) ? s : (ResultStatus?)null;
        Status = status?.ToString();
        if (District != "city" && !Districts.IsKnown(District))
            District = null;
        if (string.IsNullOrWhiteSpace(ProcessSlug))
            ProcessSlug = null;
        Overview = await results.OverviewAsync(User, new ResultFilter(District, status, ProcessSlug), page, ct);
        return Page();
    }
}
