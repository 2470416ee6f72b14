using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class AuditModel(AgoraDb db) : PageModel
{
    public const int PageSize = 50;

    // From the query only: "page" is also the route value naming the Razor Page, which would win.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<AuditEntry> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Paging.Clamp(PageNumber);
        var total = await db.AuditEntries.CountAsync(ct);
        var items = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Result = new Paged<AuditEntry>(items, PageNumber, PageSize, total);
    }
}
