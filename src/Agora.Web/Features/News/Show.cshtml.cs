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
    public Process? Process { get; private set; }
    public string? ProcessSlug => Process?.Slug;
    public LocalizedText? ProcessTitle => Process?.Title;
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var post = await news.Visible(User).AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (post == null)
            return NotFound();
        Post = post;
        if (post.ProcessId is Guid pid)
        {
            Process = await db.Set<Process>().AsNoTracking().FirstAsync(p => p.Id == pid, ct);
        }
        CanManage = await news.CanManageAsync(User, post.ProcessId, ct);
        return Page();
    }
}
