using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>The "organizations" tab of a process: the listed organisations taking part in it.</summary>
public sealed class ProcessOrganizationsModel(AgoraDb db, ProcessAccess access) : PageModel
{
    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<IndexModel.Row> Organizations { get; private set; } = [];
    public int PendingRequests { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, User, ct);
        if (process == null || !process.Has("organizations"))
            return NotFound();
        Process = process;
        CanManage = await access.CanManageAsync(User, process.Id, ct);
        var rows = await db.Set<ProcessOrganization>().Where(x => x.ProcessId == process.Id)
            .Join(db.Set<Organization>().Where(o => o.Listed), x => x.OrganizationId, o => o.Id, (x, o) => o)
            .Select(o => new IndexModel.Row(o.Slug, o.Name, o.Kind, o.Sectors, o.Description))
            .AsNoTracking().ToListAsync(ct);
        Organizations = rows.OrderBy(r => r.Name.Current, StringComparer.CurrentCulture).ToList();
        if (CanManage)
            PendingRequests = await db.Set<JoinRequest>().CountAsync(r => r.ProcessId == process.Id && r.Status == JoinRequestStatus.Pending, ct);
        return Page();
    }
}
