using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Commitments;

/// <summary>A commitment with its dated progress updates; its party's representatives and the facilitators record
/// progress and status here, and facilitators may hide it from the public register.</summary>
public sealed class DetailsModel(
    CommitmentService commitments, ICommitmentNeedSource needSource, Participants participants, AgoraDb db, AuditLog audit,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record UpdateRow(DateTime At, string Text, string Language, CommitmentStatus? NewStatus);

    public CommitmentScope Scope { get; private set; } = default!;
    public Commitment Commitment { get; private set; } = default!;
    public string Party { get; private set; } = "";
    public string? PartySlug { get; private set; }
    public (Guid Id, string Title)? MadeAt { get; private set; }
    public string? NeedTitle { get; private set; }
    public IReadOnlyList<UpdateRow> Updates { get; private set; } = [];
    public bool CanAct { get; private set; }
    public string? Refusal { get; private set; }

    [BindProperty]
    public UpdateInput Update { get; set; } = new();

    public IEnumerable<SelectListItem> StatusItems =>
        Enum.GetValues<CommitmentStatus>().Select(s => new SelectListItem(l["Commitments.Status." + s], s.ToString()));

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        Update.Status = Commitment.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!CanAct)
            return Refuse("Commitments.Refused.NotYours");
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
            return Refuse(refusal!);
        var text = Update.Text?.Trim() ?? "";
        var status = Update.Status ?? Commitment.Status;
        // A note alone must say something; a status change may come without one.
        if (status == Commitment.Status && text.Length == 0)
            ModelState.AddModelError("Update.Text", l["Commitments.Refused.EmptyUpdate"]);
        if (!ModelState.IsValid)
            return Page();
        var tracked = await db.Set<Commitment>().SingleAsync(c => c.Id == id, ct);
        await commitments.AddUpdateAsync(tracked, actor.Id, text, status, ct);
        TempData["Status"] = l["Commitments.UpdateAdded"].Value;
        return Redirect($"{Scope.Path}/{id}");
    }

    public async Task<IActionResult> OnPostHideAsync(string slug, Guid id, bool hide, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!Scope.CanManage)
            return Refuse("Commitments.Refused.FacilitatorsOnly");
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
            return Refuse(refusal!);
        var tracked = await db.Set<Commitment>().SingleAsync(c => c.Id == id, ct);
        tracked.HiddenAt = hide ? clock.GetUtcNow().UtcDateTime : null;
        // Moderation is on the record: who hid what, and when.
        audit.Record(User, hide ? "commitment.hide" : "commitment.show", "commitment", id.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l[hide ? "Commitments.HiddenDone" : "Commitments.ShownDone"].Value;
        return Redirect($"{Scope.Path}/{id}");
    }

    private PageResult Refuse(string key)
    {
        Refusal = key;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var scope = await commitments.ScopeAsync(slug, User, ct);
        if (scope == null)
            return false;
        Scope = scope;
        var commitment = await commitments.Visible(scope).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (commitment == null)
            return false;
        Commitment = commitment;
        CanAct = scope.MayActFor(commitment.OrganizationId);
        if (commitment.OrganizationId is Guid orgId)
        {
            var org = await db.Set<Organization>().AsNoTracking().Where(o => o.Id == orgId)
                .Select(o => new { o.Slug, o.Name, o.Listed }).SingleAsync(ct);
            Party = org.Name.Current;
            PartySlug = org.Listed ? org.Slug : null;
        }
        else
            Party = l["Commitments.Municipality"];
        if (commitment.EventId is Guid eventId)
        {
            var ev = await db.Set<Event>().AsNoTracking().Where(e => e.Id == eventId && e.Published)
                .Select(e => new { e.Id, e.Title }).FirstOrDefaultAsync(ct);
            if (ev != null)
                MadeAt = (ev.Id, ev.Title.Current);
        }
        if (commitment.NeedId is Guid needId)
        {
            var needs = await needSource.NeedsAsync(scope.Process.Id, ct);
            NeedTitle = needs.Where(n => n.Id == needId).Select(n => n.Title).FirstOrDefault();
        }
        var updates = await db.Set<CommitmentUpdate>().AsNoTracking().Where(u => u.CommitmentId == id)
            .OrderByDescending(u => u.CreatedAt).Take(500)
            .Select(u => new { u.CreatedAt, u.Text, u.Language, u.TextEn, u.NewStatus }).ToListAsync(ct);
        Updates = updates.Select(u => new UpdateRow(u.CreatedAt, CommitmentRules.In(u.Text, u.Language, u.TextEn),
            CommitmentRules.LanguageShown(u.Language, u.TextEn), u.NewStatus)).ToList();
        return true;
    }
}
