using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Comments;

/// <summary>A comment's address: GET goes to it in its thread; POST ?handler=vote counts an up or down vote.</summary>
public sealed class VoteModel(AgoraDb db, CommentService comments, Participants participants, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Set<Comment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var info = c == null || comments.Target(c.TargetType) is not { } t ? null : await t.FindAsync(c.TargetId, User, ct);
        return info == null ? NotFound() : Redirect(info.Url + "#comment-" + id);
    }

    public async Task<IActionResult> OnPostVoteAsync(Guid id, [FromForm] string? value, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        // Up (1) or down (-1), or 0 to take one's vote back: a missing or malformed value is refused, not read as 0
        // (which would silently remove the person's vote).
        if (FormValues.Vote(value) is not int vote)
            return BadRequest();
        var c = await db.Set<Comment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.DeletedAt == null && x.HiddenAt == null, ct);
        var info = c == null || comments.Target(c.TargetType) is not { } t ? null : await t.FindAsync(c.TargetId, User, ct);
        if (c == null || info == null)
            return NotFound();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null || info.ClosedReason != null || c.AuthorId == actor.Id)
        {
            TempData["Status"] = l[refusal ?? info.ClosedReason ?? "Comments.OwnVote"].Value;
            return Redirect(info.Url + "#comment-" + id);
        }
        await comments.VoteAsync(id, actor.Id, vote, ct);
        return Redirect(info.Url + "#comment-" + id);
    }
}
