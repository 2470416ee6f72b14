using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.ResultTracking;

/// <summary>A result with its progress, milestones and timeline. Anyone who may see it may follow it; its process's
/// facilitators post updates and add or complete milestones, and each update is e-mailed to the followers.</summary>
public sealed class DetailsModel(
    ResultService results, ResultOrigins origins, ResultMail mail, Participants participants, AgoraDb db, AuditLog audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record UpdateRow(DateTime At, string Author, LocalizedText Text, ResultStatus? NewStatus, int? NewProgress);

    public TrackedResult Result { get; private set; } = default!;
    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public OriginLink? Origin { get; private set; }
    public string? OriginLabelKey { get; private set; }
    public IReadOnlyList<ResultMilestone> Milestones { get; private set; } = [];
    public IReadOnlyList<UpdateRow> Updates { get; private set; } = [];
    public bool Following { get; private set; }
    public string? Refusal { get; private set; }
    public DateOnly Today => results.Today;

    [BindProperty]
    public ResultUpdateInput Update { get; set; } = new();

    [BindProperty]
    public MilestoneInput Milestone { get; set; } = new();

    public IEnumerable<SelectListItem> StatusItems =>
        Enum.GetValues<ResultStatus>().Select(s => new SelectListItem(l["Results.Status." + s], s.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid id, bool follow, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (User.UserId() is not Guid userId)
            return Challenge();
        await results.FollowAsync(id, userId, follow, ct);
        TempData["Status"] = l[follow ? "Results.Followed" : "Results.Unfollowed"].Value;
        return Redirect($"/results/{id}");
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (await ActorAsync(ct) is not Guid actorId)
            return Page();
        ModelState.Clear();
        if (!TryValidateModel(Update, nameof(Update)))
            return Invalid();
        var tracked = await db.Set<TrackedResult>().SingleAsync(r => r.Id == id, ct);
        var refusal = await results.AddUpdateAsync(tracked, actorId, new LocalizedText(Update.TextBg ?? "", Update.TextEn ?? ""),
            Update.Status!.Value, Update.Progress!.Value, Update.CancelReason, mail, ct);
        if (refusal != null)
        {
            var field = refusal switch
            {
                "Results.Refused.CancelReason" => "Update.CancelReason",
                "Results.Refused.EmptyUpdate" => "Update.TextBg",
                _ => "Update.Progress",
            };
            ModelState.AddModelError(field, l[refusal]);
            return Invalid();
        }
        audit.Record(User, "result.update", "result", id.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Results.UpdateAdded"].Value;
        return Redirect($"/results/{id}#timeline-h");
    }

    public async Task<IActionResult> OnPostMilestoneAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (await ActorAsync(ct) is not Guid actorId)
            return Page();
        ModelState.Clear();
        if (!TryValidateModel(Milestone, nameof(Milestone)))
            return Invalid();
        var today = results.Today;
        if (Milestone.PlannedOn is DateOnly planned && !ResultRules.Sane(planned))
            ModelState.AddModelError("Milestone.PlannedOn", l["Results.Refused.Date"]);
        if (Milestone.DoneOn is DateOnly doneOn && (doneOn > today || !ResultRules.Sane(doneOn)))
            ModelState.AddModelError("Milestone.DoneOn", l["Results.Refused.DoneInFuture"]);
        ResultMilestone? milestone = null;
        if (Milestone.Id is Guid mid)
        {
            milestone = await db.Set<ResultMilestone>().FirstOrDefaultAsync(m => m.Id == mid && m.ResultId == id, ct);
            if (milestone == null)
                ModelState.AddModelError("Milestone.TitleBg", l["Validation.ValueInvalidPlain"]);
        }
        if (!ModelState.IsValid)
            return Invalid();
        var wasDone = milestone?.DoneOn != null;
        if (milestone == null)
        {
            milestone = new ResultMilestone { ResultId = id, CreatedAt = results.Now };
            db.Add(milestone);
        }
        milestone.Title = new LocalizedText(Milestone.TitleBg.Trim(), Milestone.TitleEn?.Trim() ?? "");
        milestone.PlannedOn = Milestone.PlannedOn!.Value;
        milestone.DoneOn = Milestone.DoneOn;
        milestone.Evidence = Milestone.Evidence?.Trim() ?? "";
        audit.Record(User, "result.milestone", "result", id.ToString());
        var tracked = await db.Set<TrackedResult>().SingleAsync(r => r.Id == id, ct);
        if (!wasDone && milestone.DoneOn != null)
        {
            // Reaching a milestone is news: it goes on the timeline and to the followers, with the other edits.
            var text = new LocalizedText(
                In("bg", "Results.MilestoneReached", milestone.Title.Bg),
                In("en", "Results.MilestoneReached", milestone.Title.In(System.Globalization.CultureInfo.GetCultureInfo("en"))));
            var refusal = await results.AddUpdateAsync(tracked, actorId, text, tracked.Status, tracked.Progress, tracked.CancelReason, mail, ct);
            if (refusal != null)
            {
                ModelState.AddModelError("Milestone.DoneOn", l[refusal]);
                return Invalid();
            }
        }
        else
        {
            tracked.UpdatedAt = results.Now;
            await db.SaveChangesAsync(ct);
        }
        TempData["Status"] = l["Results.MilestoneSaved"].Value;
        return Redirect($"/results/{id}#milestones-h");
    }

    /// <summary>The acting facilitator, or null with the refusal set (and 403).</summary>
    private async Task<Guid?> ActorAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            Refuse("Results.Refused.FacilitatorsOnly");
            return null;
        }
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            Refuse(refusal!);
            return null;
        }
        return actor.Id;
    }

    /// <summary>A string in a given language, for timeline text kept in both.</summary>
    private string In(string culture, string key, params object[] args)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            return l[key, args].Value;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private void Refuse(string key)
    {
        Refusal = key;
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Fill()
    {
        Update.Status ??= Result.Status;
        Update.Progress ??= Result.Progress;
        Update.CancelReason ??= Result.CancelReason;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await results.FindAsync(id, User, ct) is not { } found)
            return false;
        (Result, Process, CanManage) = found;
        if (origins.Find(Result.OriginKind) is { } kind)
        {
            OriginLabelKey = kind.LabelKey;
            Origin = await origins.ResolveAsync(Result.OriginKind, Result.OriginId, ct);
        }
        Milestones = await db.Set<ResultMilestone>().AsNoTracking().Where(m => m.ResultId == id)
            .OrderBy(m => m.PlannedOn).ThenBy(m => m.CreatedAt).ToListAsync(ct);
        var updates = await db.Set<ResultUpdate>().AsNoTracking().Where(u => u.ResultId == id)
            .Join(db.Users, u => u.AuthorId, a => a.Id, (u, a) => new { u, a.DisplayName })
            .OrderByDescending(x => x.u.CreatedAt).Take(500).ToListAsync(ct);
        Updates = updates.Select(x => new UpdateRow(x.u.CreatedAt, x.DisplayName, x.u.Text, x.u.NewStatus, x.u.NewProgress)).ToList();
        Following = User.UserId() is Guid uid && await db.Set<ResultFollower>().AnyAsync(f => f.ResultId == id && f.UserId == uid, ct);
        if (Request.Method == "POST")
            Fill();
        return true;
    }
}
