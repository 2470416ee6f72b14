using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Conversations;

/// <summary>
/// The vote page: one statement at a time with agree / disagree / pass (plain form posts), and a form to add a
/// statement. A fixed number of queries whatever the conversation's size.
/// </summary>
public sealed class ShowModel(Infrastructure.Data.AgoraDb db, ConversationPages pages, ConversationService service,
    Participants participants, IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public Conversation Conversation { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public NextStatement? Next { get; private set; }
    public int VotedCount { get; private set; }
    public int PendingOwn { get; private set; }

    /// <summary>Signed in, or anonymous participation is allowed.</summary>
    public bool CanTakePart { get; private set; }

    [BindProperty]
    public StatementInput NewStatement { get; set; } = new();

    public sealed class StatementInput
    {
        [Required(ErrorMessage = V.Required), StringLength(ConversationService.StatementMaxLength, ErrorMessage = V.MaxLength)]
        [Display(Name = "Conversations.Field.Statement")]
        public string Text { get; set; } = "";
    }

    public string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoteAsync(string slug, Guid id, Guid statementId, [FromForm] string? value, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        // Only agree (1), disagree (-1) and pass (0): a missing or malformed value ("x", "1.0", "") is refused, not
        // taken for a pass as an int parameter's default would be.
        if (FormValues.Vote(value) is not int vote)
            return BadRequest();
        if (!CanTakePart)
            return Challenge();
        if (await RefusalAsync(ct) is { } refused)
            return refused;
        var key = User.UserId() != null ? ConversationService.KeyOf(User, Request) : ConversationService.EnsureAnonymousKey(HttpContext);
        var participant = await service.GetOrCreateParticipantAsync(Conversation.Id, key, ct);
        var outcome = await service.VoteAsync(Conversation, participant, statementId, vote, ct);
        if (outcome == VoteOutcome.NotFound)
            return NotFound();
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostStatementAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!CanTakePart)
            return Challenge();
        if (await RefusalAsync(ct) is { } refused)
            return refused;
        if (!ModelState.IsValid)
            return Page();
        var key = User.UserId() != null ? ConversationService.KeyOf(User, Request) : ConversationService.EnsureAnonymousKey(HttpContext);
        var participant = await service.GetOrCreateParticipantAsync(Conversation.Id, key, ct);
        var statement = await service.AddStatementAsync(Conversation, participant.Id, NewStatement.Text, seed: false, "", ct);
        TempData["Status"] = l[statement.Status == StatementStatus.Pending ? "Conversations.StatementPending" : "Conversations.StatementAdded"].Value;
        return Redirect(Path);
    }

    /// <summary>A closed conversation refuses everyone; a signed-in person must also be allowed to act (not blocked,
    /// e-mail confirmed), as in every other module. Anonymous taking part is the conversation's own setting.</summary>
    private async Task<IActionResult?> RefusalAsync(CancellationToken ct)
    {
        if (Conversation.Closed)
        {
            TempData["Status"] = l["Conversations.ClosedNotice"].Value;
            return Redirect(Path);
        }
        if (User.UserId() != null)
        {
            var (actor, refusal) = await participants.CheckAsync(User, ct);
            if (actor == null)
            {
                TempData["Status"] = l[refusal!].Value;
                return Redirect(Path);
            }
        }
        return null;
    }

    private string Path => $"/processes/{Process.Slug}/conversations/{Conversation.Id}";

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var loaded = await pages.LoadAsync(slug, id, User, ct);
        if (loaded == null)
            return false;
        (Process, Conversation, CanManage) = loaded;
        CanTakePart = User.UserId() != null || Conversation.AllowAnonymous;
        var key = ConversationService.KeyOf(User, Request);
        var me = key.IsKnown
            ? await service.ParticipantQuery(Conversation.Id, key).Select(p => new
            {
                p.Id,
                Voted = db.Set<StatementVote>().Count(v => v.ParticipantId == p.Id),
                Pending = db.Set<Statement>().Count(s => s.AuthorParticipantId == p.Id && s.Status == StatementStatus.Pending),
            }).FirstOrDefaultAsync(ct)
            : null;
        VotedCount = me?.Voted ?? 0;
        PendingOwn = me?.Pending ?? 0;
        Next = await service.NextAsync(Conversation.Id, me?.Id, ct);
        return true;
    }
}
