using Agora.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Processes;

/// <summary>A process's overview: what it is about, its phases as a timeline, and tabs to its components.</summary>
public sealed class DetailsModel(ProcessAccess access, TimeProvider clock) : PageModel
{
    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var process = await access.Visible(User).AsNoTracking().Include(p => p.Phases)
            .FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (process == null)
            return NotFound();
        process.Phases = process.Phases.OrderBy(p => p.Position).ToList();
        Process = process;
        CanManage = await access.CanManageAsync(User, process.Id, ct);
        Today = DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));
        return Page();
    }
}
