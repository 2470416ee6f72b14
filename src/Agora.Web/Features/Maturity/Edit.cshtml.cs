using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Events;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Maturity;

/// <summary>Facilitators create and edit a round: its framework, period and assessors, then close it, write the
/// conclusions and publish the report.</summary>
public sealed class EditModel(MaturityService maturity, FrameworkService frameworks, AgoraDb db, AuditLog audit,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class RoundInput
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Maturity.Field.TitleBg")]
        public string? TitleBg { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Maturity.Field.TitleEn")]
        public string? TitleEn { get; set; }

        [StringLength(80, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Maturity.Field.Slug")]
        public string? Slug { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Maturity.Field.Framework")]
        public Guid? FrameworkId { get; set; }

        [Display(Name = "Maturity.Field.Event")]
        public Guid? EventId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Maturity.Field.OpensAt")]
        public DateTime? OpensAt { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Maturity.Field.ClosesAt")]
        public DateTime? ClosesAt { get; set; }

        public List<AssessorSet> Assessors { get; set; } = [];

        [StringLength(20_000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Maturity.Field.ConclusionsBg")]
        public string? ConclusionsBg { get; set; }

        [StringLength(20_000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Maturity.Field.ConclusionsEn")]
        public string? ConclusionsEn { get; set; }

        [Display(Name = "Maturity.Field.Closed")]
        public bool Closed { get; set; }

        [Display(Name = "Maturity.Field.Published")]
        public bool Published { get; set; }
    }

    public MaturityScope Scope { get; private set; } = default!;
    public MaturityRound? Round { get; private set; }
    public IReadOnlyList<SelectListItem> FrameworkItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> EventItems { get; private set; } = [];

    [BindProperty] public RoundInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        if (Round is { } r)
            Input = new RoundInput
            {
                TitleBg = r.Title.Bg,
                TitleEn = r.Title.En,
                Slug = r.Slug,
                FrameworkId = r.FrameworkId,
                EventId = r.EventId,
                OpensAt = Format.ToSofia(r.OpensAt),
                ClosesAt = Format.ToSofia(r.ClosesAt),
                Assessors = [.. Enum.GetValues<AssessorSet>().Where(a => a != AssessorSet.None && r.Assessors.HasFlag(a))],
                ConclusionsBg = r.Conclusions.Bg,
                ConclusionsEn = r.Conclusions.En,
                Closed = r.ClosedAt != null,
                Published = r.PublishedAt != null,
            };
        else
            Input = new RoundInput { FrameworkId = FrameworkItems.Count > 0 ? Guid.Parse(FrameworkItems[^1].Value) : null, Assessors = [AssessorSet.Municipality, AssessorSet.Representatives] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        var set = Input.Assessors.Aggregate(AssessorSet.None, (a, b) => a | b);
        if (set == AssessorSet.None || (set & ~(AssessorSet.Municipality | AssessorSet.Representatives | AssessorSet.Residents)) != 0)
            ModelState.AddModelError("Input.Assessors", l["Maturity.Refused.NoAssessors"]);
        if (Input.OpensAt is DateTime o && Input.ClosesAt is DateTime c && c <= o)
            ModelState.AddModelError("Input.ClosesAt", l["Maturity.Refused.Period"]);
        if (Input.FrameworkId is Guid f && FrameworkItems.All(x => x.Value != f.ToString()))
            ModelState.AddModelError("Input.FrameworkId", l["Validation.ValueInvalidPlain"]);
        if (Input.EventId is Guid e && EventItems.All(x => x.Value != e.ToString()))
            ModelState.AddModelError("Input.EventId", l["Validation.ValueInvalidPlain"]);
        var slugText = string.IsNullOrWhiteSpace(Input.Slug) ? null : Input.Slug.Trim();
        if (slugText != null && (!Slugs.IsValid(slugText) || slugText == "edit" || Guid.TryParse(slugText, out _)))
            ModelState.AddModelError("Input.Slug", l["Maturity.Refused.Slug"]);
        if (Round != null && Input.FrameworkId != Round.FrameworkId
            && await db.Set<MaturityAssessment>().AnyAsync(a => a.RoundId == Round.Id, ct))
            ModelState.AddModelError("Input.FrameworkId", l["Maturity.Refused.FrameworkLocked"]);
        if (!ModelState.IsValid)
            return Page();

        var processId = Scope.Process.Id;
        slugText ??= Round?.Slug ?? await Slugs.UniqueAsync(Input.TitleEn!,
            s => db.Set<MaturityRound>().AnyAsync(r => r.ProcessId == processId && r.Slug == s, ct), "round");
        if (slugText == "edit")
            slugText = "edit-round";
        if (await db.Set<MaturityRound>().AnyAsync(r => r.ProcessId == processId && r.Slug == slugText && r.Id != (Round == null ? Guid.Empty : Round.Id), ct))
        {
            ModelState.AddModelError("Input.Slug", l["Maturity.Refused.SlugTaken"]);
            return Page();
        }
        var now = maturity.Now;
        var round = Round == null ? null : await db.Set<MaturityRound>().FirstAsync(r => r.Id == Round.Id, ct);
        if (round == null)
            db.Add(round = new MaturityRound { ProcessId = processId, CreatedAt = now });
        round.Slug = slugText;
        round.Title = new(Input.TitleBg!.Trim(), Input.TitleEn!.Trim());
        round.FrameworkId = Input.FrameworkId!.Value;
        round.EventId = Input.EventId;
        round.OpensAt = Format.FromSofia(Input.OpensAt!.Value);
        round.ClosesAt = Format.FromSofia(Input.ClosesAt!.Value);
        round.Assessors = set;
        round.Conclusions = new((Input.ConclusionsBg ?? "").Trim(), (Input.ConclusionsEn ?? "").Trim());
        round.ClosedAt = Input.Closed ? round.ClosedAt ?? now : null;
        round.PublishedAt = Input.Published ? round.PublishedAt ?? now : null;
        audit.Record(User, Round == null ? "maturity.round.create" : "maturity.round.edit", "maturity-round", round.Id.ToString(),
            $"{round.Slug}; {set}; closed={Input.Closed}; published={Input.Published}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another facilitator took the slug at the same moment (unique index on process and slug).
            ModelState.AddModelError("Input.Slug", l["Maturity.Refused.SlugTaken"]);
            return Page();
        }
        TempData["Status"] = l["Maturity.Round.Saved"].Value;
        return Redirect(Scope.PathOf(round));
    }

    private async Task<IActionResult?> LoadAsync(string slug, Guid? id, CancellationToken ct)
    {
        var scope = await maturity.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        if (!scope.CanManage)
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        Scope = scope;
        if (id is Guid rid)
        {
            Round = await maturity.RoundAsync(scope, rid.ToString(), ct);
            if (Round == null)
                return NotFound();
        }
        var latest = await frameworks.LatestAsync(ct);
        var items = latest.Select(f => new SelectListItem($"{f.Name.Current} (v{f.Version})", f.Id.ToString())).ToList();
        if (Round != null && latest.All(f => f.Id != Round.FrameworkId))
        {
            var used = await db.Set<MaturityFramework>().AsNoTracking().Where(f => f.Id == Round.FrameworkId).Select(f => new { f.Name, f.Version }).FirstAsync(ct);
            items.Insert(0, new SelectListItem($"{used.Name.Current} (v{used.Version})", Round.FrameworkId.ToString()));
        }
        FrameworkItems = items;
        var events = await db.Set<Event>().AsNoTracking().Where(e => e.ProcessId == scope.Process.Id).OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.Title }).ToListAsync(ct);
        EventItems = [new SelectListItem(l["Maturity.Field.NoEvent"], ""), .. events.Select(e => new SelectListItem(e.Title.Current, e.Id.ToString()))];
        return null;
    }
}
