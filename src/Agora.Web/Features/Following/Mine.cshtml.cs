using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Following;

/// <summary>The processes I follow, with a button to stop each.</summary>
[Authorize]
public sealed class MineModel(AgoraDb db, ProcessAccess access) : PageModel
{
    public sealed record Item(string Slug, LocalizedText Title, DateTime Since);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId() ?? Guid.Empty;
        Items = await db.Set<ProcessFollower>().AsNoTracking().Where(f => f.UserId == userId)
            .Join(access.Visible(User), f => f.ProcessId, p => p.Id, (f, p) => new { f.CreatedAt, p.Slug, TitleBg = p.Title.Bg, TitleEn = p.Title.En })
            .OrderByDescending(x => x.CreatedAt)
            .Select(x => new Item(x.Slug, new LocalizedText(x.TitleBg, x.TitleEn), x.CreatedAt))
            .ToListAsync(ct);
    }
}
