using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Admin.Users;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AgoraDb db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    // From the query only: "page" is also the route value naming the Razor Page, which would win.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public sealed record Row(Guid Id, string? Email, string DisplayName, DateTime CreatedAt, bool Confirmed, bool TwoFactor, DateTime? BlockedAt, DateTime? DeletedAt)
    {
        public List<string> Roles { get; } = [];
    }

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>Three queries whatever the page size: count, page, roles of the page's people.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Paging.Clamp(PageNumber);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            // Identity stores upper-cased e-mails; names are matched as typed (SQLite's LIKE folds ASCII only).
            var q = Query.Trim();
            var upper = q.ToUpperInvariant();
            users = users.Where(u => (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)) || u.DisplayName.Contains(q));
        }
        var total = await users.CountAsync(ct);
        var rows = await users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(u => new Row(u.Id, u.Email, u.DisplayName, u.CreatedAt, u.EmailConfirmed, u.TwoFactorEnabled, u.BlockedAt, u.DeletedAt))
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        foreach (var row in rows)
            row.Roles.AddRange(roles.Where(r => r.UserId == row.Id).Select(r => r.Name!));
        Result = new Paged<Row>(rows, PageNumber, PageSize, total);
    }
}
