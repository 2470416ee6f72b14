using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Learning;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Learning;

/// <summary>Create or edit a guide (no id: a new one). Markdown in both languages; reading time follows the text.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class GuideModel(AgoraDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public string? PublicSlug { get; private set; }
    public IEnumerable<SelectListItem> Audiences => LearningForms.Audiences(l);
    public IEnumerable<SelectListItem> Topics => LearningForms.Topics(l);

    public sealed record ProcessOption(Guid Id, string Title, bool Published);

    public IReadOnlyList<ProcessOption> Processes { get; private set; } = [];

    public sealed class InputModel
    {
        [StringLength(200, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.Slug")]
        public string? Slug { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.TitleBg")]
        public string TitleBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.TitleEn")]
        public string? TitleEn { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.SummaryBg")]
        public string SummaryBg { get; set; } = "";

        [StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.SummaryEn")]
        public string? SummaryEn { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(100_000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.BodyBg")]
        public string BodyBg { get; set; } = "";

        [StringLength(100_000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.BodyEn")]
        public string? BodyEn { get; set; }

        [Display(Name = "Learning.Audience")]
        public Audience Audience { get; set; }

        [Display(Name = "Learning.Topic")]
        public LearningTopic Topic { get; set; }

        [Required(ErrorMessage = V.Required), DataType(DataType.Date), Display(Name = "LearningAdmin.ReviewedOn")]
        public DateTime? ReviewedOn { get; set; }

        public List<Guid> ProcessIds { get; set; } = [];

        [Display(Name = "LearningAdmin.PublishedField")]
        public bool Published { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is Guid gid)
        {
            var guide = await db.Set<Guide>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == gid, ct);
            if (guide == null)
                return NotFound();
            Id = gid;
            PublicSlug = guide.Slug;
            Input = new InputModel
            {
                Slug = guide.Slug,
                TitleBg = guide.Title.Bg,
                TitleEn = guide.Title.En,
                SummaryBg = guide.Summary.Bg,
                SummaryEn = guide.Summary.En,
                BodyBg = guide.Body.Bg,
                BodyEn = guide.Body.En,
                Audience = guide.Audience,
                Topic = guide.Topic,
                ReviewedOn = guide.ReviewedOn.ToDateTime(TimeOnly.MinValue),
                Published = guide.Published,
                ProcessIds = await db.Set<GuideProcess>().Where(x => x.GuideId == gid).Select(x => x.ProcessId).ToListAsync(ct),
            };
        }
        else
        {
            Input.ReviewedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToDateTime(TimeOnly.MinValue);
        }
        await LoadProcessesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Guide? guide = null;
        if (id is Guid gid)
        {
            guide = await db.Set<Guide>().FirstOrDefaultAsync(g => g.Id == gid, ct);
            if (guide == null)
                return NotFound();
            Id = gid;
            PublicSlug = guide.Slug;
        }
        await LoadProcessesAsync(ct);
        if (!Enum.IsDefined(Input.Audience))
            ModelState.AddModelError("Input.Audience", l["Validation.ValueInvalidPlain"]);
        if (!Enum.IsDefined(Input.Topic))
            ModelState.AddModelError("Input.Topic", l["Validation.ValueInvalidPlain"]);
        if (Input.ProcessIds.Any(p => Processes.All(x => x.Id != p)))
            return BadRequest();
        var slug = LearningForms.Trimmed(Input.Slug);
        if (slug != null && !Slugs.IsValid(slug))
            ModelState.AddModelError("Input.Slug", l["LearningAdmin.SlugInvalid"]);
        if (!ModelState.IsValid)
            return Page();

        slug ??= guide?.Slug ?? await Slugs.UniqueAsync(Input.TitleBg, s => db.Set<Guide>().AnyAsync(g => g.Slug == s, ct), "guide");
        if (await db.Set<Guide>().AnyAsync(g => g.Slug == slug && g.Id != (guide == null ? Guid.Empty : guide.Id), ct))
        {
            ModelState.AddModelError("Input.Slug", l["LearningAdmin.SlugTaken"]);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (guide == null)
        {
            guide = new Guide { CreatedAt = now };
            db.Add(guide);
        }
        guide.Slug = slug;
        guide.Title = new(Input.TitleBg.Trim(), Input.TitleEn?.Trim() ?? "");
        guide.Summary = new(Input.SummaryBg.Trim(), Input.SummaryEn?.Trim() ?? "");
        guide.SetBody(new(Input.BodyBg, Input.BodyEn ?? ""));
        guide.Audience = Input.Audience;
        guide.Topic = Input.Topic;
        guide.ReviewedOn = DateOnly.FromDateTime(Input.ReviewedOn!.Value);
        if (Input.Published && !guide.Published)
            guide.PublishedAt = now;
        guide.Published = Input.Published;
        guide.UpdatedAt = now;
        // Links change through the change tracker, so they save (or fail) together with the guide.
        var links = await db.Set<GuideProcess>().Where(x => x.GuideId == guide.Id).ToListAsync(ct);
        db.RemoveRange(links.Where(x => !Input.ProcessIds.Contains(x.ProcessId)));
        foreach (var p in Input.ProcessIds.Distinct().Where(p => links.All(x => x.ProcessId != p)))
            db.Add(new GuideProcess { GuideId = guide.Id, ProcessId = p });
        audit.Record(User, id == null ? "learning.guide.create" : "learning.guide.update", "guide", guide.Id.ToString(),
            guide.Published ? "published" : "draft");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            ModelState.AddModelError("Input.Slug", l["LearningAdmin.SlugTaken"]);
            return Page();
        }
        TempData["Status"] = l["LearningAdmin.Saved"].Value;
        return Redirect($"/admin/learning/guides/{guide.Id}");
    }

    private async Task LoadProcessesAsync(CancellationToken ct)
    {
        var rows = await db.Set<Process>().AsNoTracking().OrderByDescending(p => p.StartsOn)
            .Select(p => new { p.Id, p.Title, p.Published }).ToListAsync(ct);
        Processes = rows.Select(p => new ProcessOption(p.Id, p.Title.Current, p.Published)).ToList();
    }
}
