using Agora.Web.Features.Needs;
using Agora.Web.Features.Processes;
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

namespace Agora.Web.Features.ResultTracking;

/// <summary>
/// Creating a result in a process (/processes/{slug}/results/new, optionally ?origin=kind:id from the origin's page)
/// and editing one (/results/{id}/edit). Only the process's facilitators (and site administrators).
/// </summary>
[Authorize]
public sealed class EditModel(
    ResultService results, ResultOrigins origins, ProcessAccess access, Participants participants, AgoraDb db, AuditLog audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record OriginGroup(string LabelKey, IReadOnlyList<SelectListItem> Items);

    public Process Process { get; private set; } = default!;
    public TrackedResult? Existing { get; private set; }
    public string? Refusal { get; private set; }
    public IReadOnlyList<OriginGroup> OriginGroups { get; private set; } = [];

    [BindProperty]
    public ResultInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> DistrictItems =>
        [new(l["Results.WholeCity"], "city"), .. Districts.All.Select(d => new SelectListItem(d.Name, d.Key))];

    public IEnumerable<SelectListItem> DepartmentItems =>
        AdministrationAreas.All.Select(a => new SelectListItem(AdministrationAreas.NameOf(a.Key), a.Key));

    public string Action => Existing == null ? $"/processes/{Process.Slug}/{ResultService.Segment}/new" : $"/results/{Existing.Id}/edit";

    public async Task<IActionResult> OnGetAsync(string? slug, Guid? id, [FromQuery(Name = "origin")] string? origin, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } notFound)
            return notFound;
        if (Existing != null)
            Input = ResultInput.From(Existing);
        else if (ResultOrigins.Parse(origin) is { } o && OriginGroups.SelectMany(g => g.Items).Any(i => i.Value == origin))
        {
            // Already tracked: "track implementation" leads to the result rather than to a refusal.
            var tracked = await db.Set<TrackedResult>().Where(r => r.OriginKind == o.Kind && r.OriginId == o.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (tracked is Guid trackedId)
                return Redirect($"/results/{trackedId}");
            // Starting from a proposal, need or commitment: its title is the first draft of the result's.
            Input.Origin = origin;
            var link = await origins.ResolveAsync(o.Kind, o.Id, ct);
            Input.TitleBg = link?.Title ?? "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } notFound)
            return notFound;
        if (Refusal != null)
            return Page();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            Refusal = refusal;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (Input.District != "city" && !Districts.IsKnown(Input.District))
            ModelState.AddModelError("Input.District", l["Validation.ValueInvalidPlain"]);
        if (!AdministrationAreas.IsKnown(Input.Department))
            ModelState.AddModelError("Input.Department", l["Validation.ValueInvalidPlain"]);
        var allocated = ResultRules.ParseEuro(Input.Allocated);
        if (allocated == null)
            ModelState.AddModelError("Input.Allocated", l["Results.Refused.Amount"]);
        var spent = ResultRules.ParseEuro(Input.Spent);
        if (spent == null)
            ModelState.AddModelError("Input.Spent", l["Results.Refused.Amount"]);
        if (Input.StartOn is DateOnly s && !ResultRules.Sane(s))
            ModelState.AddModelError("Input.StartOn", l["Results.Refused.Date"]);
        if (Input.DueOn is DateOnly d && !ResultRules.Sane(d))
            ModelState.AddModelError("Input.DueOn", l["Results.Refused.Date"]);
        if (Input.StartOn is DateOnly start && Input.DueOn is DateOnly due && due < start)
            ModelState.AddModelError("Input.DueOn", l["Results.Refused.DueBeforeStart"]);
        (string Kind, Guid Id)? origin = null;
        if (!string.IsNullOrEmpty(Input.Origin))
        {
            origin = ResultOrigins.Parse(Input.Origin);
            // Only this process's own candidates, or the origin the result already has.
            var allowed = OriginGroups.SelectMany(g => g.Items).Any(i => i.Value == Input.Origin);
            if (origin == null || !allowed)
                ModelState.AddModelError("Input.Origin", l["Validation.ValueInvalidPlain"]);
            else if (await db.Set<TrackedResult>().AnyAsync(r => r.OriginKind == origin.Value.Kind && r.OriginId == origin.Value.Id
                         && (Existing == null || r.Id != Existing.Id), ct))
                ModelState.AddModelError("Input.Origin", l["Results.Refused.OriginTracked"]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var now = results.Now;
        TrackedResult result;
        if (Existing == null)
        {
            result = new TrackedResult { ProcessId = Process.Id, AuthorId = actor.Id, Status = ResultStatus.Planned, CreatedAt = now };
            db.Add(result);
        }
        else
            result = await db.Set<TrackedResult>().SingleAsync(r => r.Id == Existing.Id, ct);
        result.Title = new LocalizedText(Input.TitleBg.Trim(), Input.TitleEn?.Trim() ?? "");
        result.Description = new LocalizedText(Input.DescriptionBg?.Trim() ?? "", Input.DescriptionEn?.Trim() ?? "");
        result.District = Input.District == "city" ? null : Input.District;
        result.Department = Input.Department;
        result.BudgetAllocatedCents = allocated!.Value;
        result.BudgetSpentCents = spent!.Value;
        result.StartOn = Input.StartOn;
        result.DueOn = Input.DueOn;
        result.OriginKind = origin?.Kind;
        result.OriginId = origin?.Id;
        result.UpdatedAt = now;
        audit.Record(User, Existing == null ? "result.create" : "result.edit", "result", result.Id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two facilitators tracked the same origin at once: the unique index let one through.
            ModelState.AddModelError("Input.Origin", l["Results.Refused.OriginTracked"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Status"] = l[Existing == null ? "Results.Created" : "Results.Saved"].Value;
        return Redirect($"/results/{result.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string? slug, Guid? id, CancellationToken ct)
    {
        if (id is Guid rid)
        {
            if (await results.FindAsync(rid, User, ct) is not { } found)
                return NotFound();
            (Existing, Process, _) = found;
        }
        else
        {
            var process = slug == null ? null : await access.FindVisibleAsync(slug, User, ct);
            if (process == null || !process.Has(ResultService.Key))
                return NotFound();
            Process = process;
        }
        if (!await access.CanManageAsync(User, Process.Id, ct))
        {
            Refusal = "Results.Refused.FacilitatorsOnly";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }
        // The process's candidates of every registered kind; a few queries, one per kind.
        var groups = new List<OriginGroup>();
        foreach (var kind in origins.All)
        {
            var items = (await kind.CandidatesAsync(Process.Id, ct))
                .Select(o => new SelectListItem(o.Title, ResultOrigins.Key(kind.Kind, o.Id))).ToList();
            if (Existing?.OriginKind == kind.Kind && Existing.OriginId is Guid oid && items.All(i => i.Value != ResultOrigins.Key(kind.Kind, oid)))
            {
                var current = await origins.ResolveAsync(kind.Kind, oid, ct);
                if (current != null)
                    items.Insert(0, new SelectListItem(current.Title, ResultOrigins.Key(kind.Kind, oid)));
            }
            if (items.Count > 0)
                groups.Add(new OriginGroup(kind.LabelKey, items));
        }
        OriginGroups = groups;
        return null;
    }
}
