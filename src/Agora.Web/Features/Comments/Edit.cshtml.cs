using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Comments;

/// <summary>The author edits (marked "edited") or deletes their own comment.</summary>
[Authorize]
public sealed class EditModel(AgoraDb db, CommentService comments, Participants participants, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Comment Comment { get; private set; } = default!;
    public CommentTargetInfo Target { get; private set; } = default!;

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public sealed class EditInput
    {
        [Required(ErrorMessage = V.Required), StringLength(CommentService.MaxLength, ErrorMessage = V.MaxLength)]
        [Display(Name = "Comments.Field.Body")]
        public string Body { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail)
            return fail;
        Input.Body = Comment.Body;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail)
            return fail;
        // Editing is writing: refused where commenting is closed (closed debate, phase switch off, content under
        // review), as posting and voting are. Deleting one's own comment stays possible.
        if (Target.ClosedReason != null)
        {
            TempData["Status"] = l[Target.ClosedReason].Value;
            return Redirect(Target.Url);
        }
        if (!ModelState.IsValid)
            return Page();
        Comment.Body = Input.Body.Trim();
        Comment.EditedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Comments.Saved"].Value;
        return Redirect(Target.Url + "#comment-" + id);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } fail)
            return fail;
        Comment.DeletedAt = clock.GetUtcNow().UtcDateTime;
        await comments.SaveCountingAsync(Comment.TargetType, Comment.TargetId, ct);
        TempData["Status"] = l["Comments.DeletedStatus"].Value;
        return Redirect(Target.Url + "#comments");
    }

    /// <summary>Own, not deleted, not hidden, still visible to the author, and the author may act.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var comment = await db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (comment == null || comment.DeletedAt != null || comment.HiddenAt != null || comments.Target(comment.TargetType) is not { } t)
            return NotFound();
        var info = await t.FindAsync(comment.TargetId, User, ct);
        if (info == null)
            return NotFound();
        if (comment.AuthorId != User.UserId())
            return Forbid();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            TempData["Status"] = l[refusal!].Value;
            return Redirect(info.Url);
        }
        Comment = comment;
        Target = info;
        return null;
    }
}
