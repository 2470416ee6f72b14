using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Commitments;

/// <summary>
/// Pledging (/processes/{slug}/commitments/new) and editing a commitment. Representatives pledge for their own
/// organisations; facilitators record the municipality's part and may edit any commitment.
/// </summary>
[Authorize]
public sealed class EditModel(
    CommitmentService commitments, ICommitmentNeedSource needSource, Participants participants, AgoraDb db, AuditLog audit,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public CommitmentScope Scope { get; private set; } = default!;
    public Commitment? Existing { get; private set; }
    /// <summary>Why the reader may not pledge or edit here (resource key), shown instead of the form.</summary>
    public string? Refusal { get; private set; }
    public IReadOnlyList<(Guid Id, string Title)> Needs { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Events { get; private set; } = [];

    [BindProperty]
    public CommitmentInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> PartyItems =>
        [new(l["Commitments.ChooseParty"], ""),
         .. Scope.CanManage ? [new SelectListItem(l["Commitments.Municipality"], IndexModel.Municipality)] : Array.Empty<SelectListItem>(),
         .. Scope.Represented.Select(o => new SelectListItem(o.Name, o.Id.ToString()))];

    public IEnumerable<SelectListItem> NeedItems => [new(l["Commitments.NoNeed"], ""), .. Needs.Select(n => new SelectListItem(n.Title, n.Id.ToString()))];

    public IEnumerable<SelectListItem> EventItems => [new(l["Commitments.NoEvent"], ""), .. Events.Select(e => new SelectListItem(e.Title, e.Id.ToString()))];

    public IEnumerable<SelectListItem> BringsItems => CommitmentInput.BringsItems(k => l[k]).Select(i =>
    {
        i.Selected = Input.Brings.Contains(i.Value);
        return i;
    });

    public async Task<IActionResult> OnGetAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } notFound)
            return notFound;
        if (Existing != null)
            Input = CommitmentInput.From(Existing);
        else if (Scope.Represented.Count == 1 && !Scope.CanManage)
            Input.Party = Scope.Represented[0].Id.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } notFound)
            return notFound;
        if (Refusal != null)
            return Page();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            Refusal = refusal;
            return Page();
        }
        var today = Scope.Today;
        Guid? organizationId = null;
        if (Existing == null)
        {
            if (string.IsNullOrWhiteSpace(Input.Party))
                ModelState.AddModelError("Input.Party", l["Validation.Required", l["Commitments.Field.Party"]]);
            else if (Input.Party == IndexModel.Municipality)
            {
                if (!Scope.CanManage)
                    ModelState.AddModelError("Input.Party", l["Commitments.Refused.MunicipalityOnly"]);
            }
            else if (Guid.TryParse(Input.Party, out var org) && Scope.Represented.Any(r => r.Id == org))
                organizationId = org;
            else
                ModelState.AddModelError("Input.Party", l["Commitments.Refused.NotYourOrganization"]);
        }
        // A new pledge cannot be due in the past; an edit may keep its date but not move it into the past.
        if (Input.DueOn is DateOnly due && due < today && (Existing == null || due != Existing.DueOn))
            ModelState.AddModelError("Input.DueOn", l["Commitments.Refused.DueInPast"]);
        if (Input.Need is Guid need && Needs.All(n => n.Id != need))
            ModelState.AddModelError("Input.Need", l["Validation.ValueInvalidPlain"]);
        if (Input.Event is Guid ev && Events.All(e => e.Id != ev))
            ModelState.AddModelError("Input.Event", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
            return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var title = Input.Title.Trim();
        var description = Input.Description?.Trim() ?? "";
        Commitment commitment;
        if (Existing == null)
        {
            commitment = new Commitment
            {
                ProcessId = Scope.Process.Id,
                OrganizationId = organizationId,
                AuthorId = actor.Id,
                Status = CommitmentStatus.Pledged,
                CreatedAt = now,
            };
            db.Add(commitment);
        }
        else
        {
            commitment = await db.Set<Commitment>().SingleAsync(c => c.Id == Existing.Id, ct);
            // A changed text is no longer what the English rendering renders.
            if (commitment.Title != title)
                commitment.TitleEn = null;
            if (commitment.Description != description)
                commitment.DescriptionEn = null;
        }
        commitment.Title = title;
        commitment.Description = description;
        commitment.Language = CommitmentRules.LanguageOf(title + " " + description);
        commitment.Brings = Input.BringsSet;
        commitment.DueOn = Input.DueOn!.Value;
        commitment.NeedId = Input.Need;
        commitment.EventId = Input.Event;
        commitment.UpdatedAt = now;
        // A facilitator changing an organisation's words, or speaking for the municipality, is on the record.
        var forOthers = commitment.OrganizationId is not Guid party || Scope.Represented.All(r => r.Id != party);
        if (forOthers)
            audit.Record(User, Existing == null ? "commitment.pledge" : "commitment.edit", "commitment", commitment.Id.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l[Existing == null ? "Commitments.Created" : "Commitments.Saved"].Value;
        return Redirect($"{Scope.Path}/{commitment.Id}");
    }

    /// <summary>Loads the process, the commitment being edited and the choices; a result when there is nothing to show.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, Guid? id, CancellationToken ct)
    {
        var scope = await commitments.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        if (id is Guid cid)
        {
            Existing = await commitments.Visible(scope).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct);
            if (Existing == null)
                return NotFound();
            if (!scope.MayActFor(Existing.OrganizationId))
                Refusal = "Commitments.Refused.NotYours";
        }
        else if (!scope.CanPledge)
            Refusal = "Commitments.Refused.NotRepresentative";
        if (Refusal != null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }
        Needs = await needSource.NeedsAsync(scope.Process.Id, ct);
        Events = await commitments.EventsAsync(scope.Process.Id, ct);
        return null;
    }
}
