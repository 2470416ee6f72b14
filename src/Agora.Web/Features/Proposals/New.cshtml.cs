using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Proposals;

/// <summary>Writing a proposal; a "check for similar proposals" step shows existing ones with similar titles.</summary>
[Authorize]
public sealed class NewModel(ProposalService proposals, Participants participants, AgoraDb db, TimeProvider clock,
    Markdown markdown, IStringLocalizer<SharedResource> l, Search.SearchService search, Verification.VerificationService verification) : PageModel
{
    public ProposalScope Scope { get; private set; } = default!;

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public string? Refusal { get; private set; }
    public IReadOnlyList<SimilarProposals.Match>? Similar { get; private set; }
    public string? Preview { get; private set; }

    [BindProperty]
    public List<IFormFile> Images { get; set; } = [];

    [BindProperty]
    public List<IFormFile> Documents { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSimilarAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        ModelState.Clear();
        Similar = await SimilarProposals.FindAsync(db, Scope.Process.Id, Input.Title ?? "", null, ct, search);
        Preview = markdown.ToSafeHtml(Input.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (Refusal != null)
            return Page();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            Refusal = refusal;
            return Page();
        }
        foreach (var (field, error) in Input.Check(Scope))
            ModelState.AddModelError(field, l[error]);
        var (images, imageError) = await AttachmentRules.ReadAsync(Images, true, ct);
        if (imageError != null)
            ModelState.AddModelError(nameof(Images), l[imageError]);
        var (documents, documentError) = await AttachmentRules.ReadAsync(Documents, false, ct);
        if (documentError != null)
            ModelState.AddModelError(nameof(Documents), l[documentError]);
        if (!ModelState.IsValid)
            return Page();
        if (await proposals.CreatedTooManyAsync(actor.Id, ct))
        {
            ModelState.AddModelError("", l["Proposals.Refused.TooMany"]);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var proposal = new Proposal
        {
            ProcessId = Scope.Process.Id,
            AuthorId = actor.Id,
            Title = Input.Title.Trim(),
            Body = Input.Body.Trim(),
            District = Input.DistrictKey,
            CategoryId = Input.Category,
            State = ProposalState.Published,
            SortKey = Random.Shared.Next(0, (int)IndexModel.RandomModulus),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(proposal);
        foreach (var file in images.Concat(documents))
        {
            file.ProposalId = proposal.Id;
            file.CreatedAt = now;
            db.Add(file);
        }
        // Authors follow their own proposals.
        db.Add(new ProposalFollower { ProposalId = proposal.Id, UserId = actor.Id, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Proposals.Created"].Value;
        return Redirect($"{Scope.Path}/{proposal.Id}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var scope = await proposals.ScopeAsync(slug, User, ct);
        if (scope == null)
            return false;
        Scope = scope;
        if (!scope.Switches.Creating)
            Refusal = "Proposals.Refused.CreatingClosed";
        // Only when administrators require it: said before the person writes, and checked again on publishing.
        else if (await verification.CheckAsync(User.UserId(), ProposalService.CreateAction, null, ct) != null)
            Refusal = "Proposals.Refused.NotVerified";
        return true;
    }
}
