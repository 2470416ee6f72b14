using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Imports;

/// <summary>An import's page: queued, its progress while it runs (the page reloads itself), then its result with the
/// refused lines. Seen by the person who uploaded it and by administrators; 404 for everyone else.</summary>
[Authorize]
public sealed class ShowModel(AgoraDb db) : PageModel
{
    public ImportJob Job { get; private set; } = default!;
    public IReadOnlyList<ImportRefusal> Refused { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job == null || (job.CreatedById != User.UserId() && !User.IsInRole(Roles.Administrator)))
            return NotFound();
        Job = job;
        Refused = job.RefusalList();
        return Page();
    }
}
