using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.News;

/// <summary>One post; a draft, or a post of an unpublished process, is a 404 to all but those who manage it.</summary>
public sealed class ShowModel(NewsAccess news, AgoraDb db) : PageModel
{
    public NewsPost Post { get; private set; } = default!;
    public string? ProcessSlug { get; private set; }
    public LocalizedText? ProcessTitle { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var post = await news.Visible(User).AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (post == null)
            return NotFound();
        Post = post;
        if (post.ProcessId is Guid pid)
        {
            var process = await db.Set<Process>().AsNoTracking().Where(p => p.Id == pid)
                .Select(p => new { p.Slug, p.Title.Bg, p.Title.En }).FirstAsync(ct);
            ProcessSlug = process.Slug;
            ProcessTitle = new LocalizedText(process.Bg, process.En);
        }
        CanManage = await news.CanManageAsync(User, post.ProcessId, ct);
        return Page();
    }
}
