using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Debates;

/// <summary>One debate: the question, its comments, and the administrators' closing conclusion.</summary>
public sealed class DetailsModel(AgoraDb db, ProcessAccess access, CommentService comments, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public Debate Debate { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public CommentThread? Thread { get; private set; }
    public string DebateUrl => $"/processes/{Process.Slug}/debates/{Debate.Id}";

    [BindProperty]
    public CloseInput Close { get; set; } = new();

    public sealed class CloseInput
    {
        [Required(ErrorMessage = V.Required), StringLength(10_000, MinimumLength = 10, ErrorMessage = V.Length), Display(Name = "Debates.Conclusion")]
        public string Conclusion { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (Debate.HiddenAt == null)
        {
            var closed = Debate.ClosedAt != null ? "Debates.Closed" : null;
            var page = int.TryParse(Request.Query["page"], out var n) ? Paging.Clamp(n) : 1;
            Thread = await comments.LoadAsync(DebateCommentTarget.TypeName, Debate.Id,
                new CommentTargetInfo(DebateUrl, Debate.Title, closed, [Debate.AuthorId], CanManage), page, User.UserId(), ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!CanManage)
            return Forbid();
        if (!ModelState.IsValid)
            return await OnGetAsync(slug, id, ct);
        var tracked = await db.Set<Debate>().FirstAsync(d => d.Id == id, ct);
        // A published conclusion is not overwritten by a second close (a stale form, a double post).
        if (tracked.ClosedAt != null || tracked.HiddenAt != null)
            return Redirect($"/processes/{slug}/debates/{id}");
        tracked.ClosedAt = clock.GetUtcNow().UtcDateTime;
        tracked.ClosedById = User.UserId();
        tracked.Conclusion = Close.Conclusion.Trim();
        audit.Record(User, "debate.close", "debate", id.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Debates.ClosedStatus"].Value;
        return Redirect(DebateUrl);
    }

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, User, ct);
        if (process == null || !process.Has(DebateCommentTarget.Key))
            return false;
        var debate = await db.Set<Debate>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.ProcessId == process.Id, ct);
        if (debate == null)
            return false;
        Process = process;
        Debate = debate;
        CanManage = await access.CanManageAsync(User, process.Id, ct);
        return true;
    }
}
