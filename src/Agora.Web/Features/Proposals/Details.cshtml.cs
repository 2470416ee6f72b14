using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Comments;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Proposals;

/// <summary>One proposal: its text, official answer, supports, following, the author's actions and the comments.</summary>
public sealed class DetailsModel(
    ProposalService proposals, CommentService comments, Participants participants, Verification.VerificationService verification,
    AgoraDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public ProposalScope Scope { get; private set; } = default!;
    public Proposal Proposal { get; private set; } = default!;
    public string AuthorName { get; private set; } = "";
    public bool Supported { get; private set; }
    public bool Following { get; private set; }
    public CommentThread? Thread { get; private set; }
    public string? SupportRefusal { get; private set; }

    public sealed record FileRow(Guid Id, bool IsImage, string FileName, long Size);
    public IReadOnlyList<FileRow> Files { get; private set; } = [];

    /// <summary>From the query string by hand: "page" is also a Razor Pages route value, which would win in binding.</summary>
    public int CommentPage => int.TryParse(Request.Query["page"], out var n) ? Paging.Clamp(n) : 1;

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    public sealed class AnswerInput
    {
        [Required(ErrorMessage = V.Required), Display(Name = "Proposals.Answer.State")]
        public ProposalState State { get; set; } = ProposalState.Evaluating;

        [Required(ErrorMessage = V.Required), StringLength(10_000, MinimumLength = 10, ErrorMessage = V.Length)]
        [Display(Name = "Proposals.Answer.Text")]
        public string Text { get; set; } = "";
    }

    public static readonly ProposalState[] AnswerStates = [ProposalState.Evaluating, ProposalState.Accepted, ProposalState.Rejected];

    public bool IsAuthor => User.UserId() == Proposal.AuthorId;

    public bool CanEdit => IsAuthor && Proposal.HiddenAt == null && Proposal.State == ProposalState.Published
        && clock.GetUtcNow().UtcDateTime < Proposal.CreatedAt.AddMinutes(Scope.Settings.EditWindowMinutes);

    public string ProposalUrl => $"{Scope.Path}/{Proposal.Id}";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct, forPage: true))
            return NotFound();
        if (Proposal.HiddenAt == null || Scope.CanManage || IsAuthor)
        {
            var info = new CommentTargetInfo(ProposalUrl, Proposal.Title,
                !Scope.Switches.Commenting ? "Proposals.Refused.CommentingClosed"
                : Proposal.HiddenAt != null || Proposal.State == ProposalState.Withdrawn ? "Proposals.Refused.NotOpen" : null,
                [Proposal.AuthorId], Scope.CanManage);
            Files = await db.Set<ProposalAttachment>().AsNoTracking().Where(a => a.ProposalId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.FileName)
                .Select(a => new FileRow(a.Id, a.IsImage, a.FileName, a.Size)).ToListAsync(ct);
            Thread = await comments.LoadAsync(ProposalCommentTarget.TypeName, Proposal.Id, info, CommentPage, User.UserId(), ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSupportAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct, withRole: false))
            return NotFound();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        refusal ??= SupportRefusal;
        // Only when administrators require it: a verified resident of any Sofia district.
        if (actor != null && refusal == null && await verification.CheckAsync(actor.Id, ProposalService.SupportAction, null, ct) != null)
            refusal = "Proposals.Refused.NotVerified";
        if (actor == null || refusal != null)
            return Refuse(refusal!);
        var added = await proposals.SupportAsync(Scope, Proposal, actor.Id, ct);
        TempData["Status"] = l[added ? "Proposals.Supported" : "Proposals.AlreadySupported"].Value;
        return Redirect(ProposalUrl);
    }

    public async Task<IActionResult> OnPostUnsupportAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct, withRole: false))
            return NotFound();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        refusal ??= SupportRefusal;
        if (actor == null || refusal != null)
            return Refuse(refusal!);
        await proposals.WithdrawSupportAsync(Proposal.Id, actor.Id, ct);
        TempData["Status"] = l["Proposals.Unsupported"].Value;
        return Redirect(ProposalUrl);
    }

    public async Task<IActionResult> OnPostFollowAsync(string slug, Guid id, bool follow, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
            return Refuse(refusal!);
        await db.Set<ProposalFollower>().Where(f => f.ProposalId == id && f.UserId == actor.Id).ExecuteDeleteAsync(ct);
        if (follow)
        {
            db.Add(new ProposalFollower { ProposalId = id, UserId = actor.Id, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try { await db.SaveChangesAsync(ct); } catch (DbUpdateException) { /* a parallel request followed already */ }
        }
        TempData["Status"] = l[follow ? "Proposals.Followed" : "Proposals.Unfollowed"].Value;
        return Redirect(ProposalUrl);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
            return Refuse(refusal!);
        if (!IsAuthor)
            return Forbid();
        if (Proposal.State is ProposalState.Withdrawn or ProposalState.Accepted or ProposalState.Rejected)
            return Refuse("Proposals.Refused.NotOpen");
        var tracked = await db.Set<Proposal>().FirstAsync(p => p.Id == id, ct);
        tracked.State = ProposalState.Withdrawn;
        tracked.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Proposals.Withdrawn"].Value;
        return Redirect(ProposalUrl);
    }

    public async Task<IActionResult> OnPostAnswerAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!Scope.CanManage)
            return Forbid();
        if (!AnswerStates.Contains(Answer.State))
            ModelState.AddModelError("Answer.State", l["Validation.ValueInvalidPlain"]);
        if (Proposal.State == ProposalState.Withdrawn)
            ModelState.AddModelError("", l["Proposals.Refused.NotOpen"]);
        if (!ModelState.IsValid)
            return await OnGetAsync(slug, id, ct);
        var tracked = await db.Set<Proposal>().FirstAsync(p => p.Id == id, ct);
        await proposals.AnswerAsync(Scope, tracked, Answer.State, Answer.Text, User.UserId()!.Value, ct);
        audit.Record(User, "proposal.answer", "proposal", id.ToString(), Answer.State.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Proposals.Answer.Saved"].Value;
        return Redirect(ProposalUrl);
    }

    private IActionResult Refuse(string key)
    {
        if (key == "Participation.SignInRequired")
            return Challenge();
        TempData["Status"] = l[key].Value;
        return Redirect(ProposalUrl);
    }

    /// <param name="forPage">Whether the page is shown: only then does it need whether the reader supports and follows it
    /// (the handlers act and redirect; a support is the busiest write, so it skips that query).</param>
    /// <param name="withRole">Whether the handler needs to know if the reader manages the process; supporting does not
    /// (it is the same act for everyone), so it skips that query too.</param>
    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct, bool forPage = false, bool withRole = true)
    {
        var scope = await proposals.ScopeAsync(slug, User, ct, withRole);
        if (scope == null)
            return false;
        Scope = scope;
        var processId = scope.Process.Id;
        var row = await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == id && p.ProcessId == processId)
            .Select(p => new { P = p, Author = db.Users.Where(u => u.Id == p.AuthorId && u.DeletedAt == null).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (row == null)
            return false;
        Proposal = row.P;
        AuthorName = row.Author ?? "";
        if (forPage && User.UserId() is Guid me)
        {
            var supports = db.Set<ProposalSupport>();
            var followers = db.Set<ProposalFollower>();
            var mine = await db.Set<Proposal>().Where(p => p.Id == id).Select(p => new
            {
                Supported = supports.Any(s => s.ProposalId == p.Id && s.UserId == me),
                Following = followers.Any(f => f.ProposalId == p.Id && f.UserId == me),
            }).FirstAsync(ct);
            Supported = mine.Supported;
            Following = mine.Following;
        }
        SupportRefusal = proposals.SupportRefusal(scope, Proposal);
        return true;
    }

    public string CategoryName => Scope.Categories.FirstOrDefault(c => c.Id == Proposal.CategoryId)?.Name.Current ?? "";
}
