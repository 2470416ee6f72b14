using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Events;
using Agora.Web.Features.Learning;
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

/// <summary>Create or edit a course (no id: a new one): its texts, publication, linked events and its lessons.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CourseModel(AgoraDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public string? PublicSlug { get; private set; }
    public IEnumerable<SelectListItem> Audiences => LearningForms.Audiences(l);
    public IEnumerable<SelectListItem> Topics => LearningForms.Topics(l);

    public sealed record LessonRow(Guid Id, int Position, LocalizedText Title, int Questions);

    public sealed record EventOption(Guid Id, LocalizedText Title, DateTime StartsAt, bool Published);

    public IReadOnlyList<LessonRow> Lessons { get; private set; } = [];
    public IReadOnlyList<EventOption> Events { get; private set; } = [];

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

        [StringLength(100_000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.DescriptionBg")]
        public string? DescriptionBg { get; set; }

        [StringLength(100_000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.DescriptionEn")]
        public string? DescriptionEn { get; set; }

        [Display(Name = "Learning.Audience")]
        public Audience Audience { get; set; }

        [Display(Name = "Learning.Topic")]
        public LearningTopic Topic { get; set; }

        public List<Guid> EventIds { get; set; } = [];

        [Display(Name = "LearningAdmin.PublishedField")]
        public bool Published { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is Guid cid)
        {
            var course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct);
            if (course == null)
                return NotFound();
            Input = new InputModel
            {
                Slug = course.Slug,
                TitleBg = course.Title.Bg,
                TitleEn = course.Title.En,
                SummaryBg = course.Summary.Bg,
                SummaryEn = course.Summary.En,
                DescriptionBg = course.Description.Bg,
                DescriptionEn = course.Description.En,
                Audience = course.Audience,
                Topic = course.Topic,
                Published = course.Published,
                EventIds = await db.Set<CourseEvent>().Where(x => x.CourseId == cid).Select(x => x.EventId).ToListAsync(ct),
            };
            await LoadAsync(course, ct);
        }
        else
        {
            Input.Audience = Audience.MunicipalStaff;
            await LoadAsync(null, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Course? course = null;
        if (id is Guid cid)
        {
            course = await db.Set<Course>().FirstOrDefaultAsync(c => c.Id == cid, ct);
            if (course == null)
                return NotFound();
        }
        await LoadAsync(course, ct);
        if (!Enum.IsDefined(Input.Audience))
            ModelState.AddModelError("Input.Audience", l["Validation.ValueInvalidPlain"]);
        if (!Enum.IsDefined(Input.Topic))
            ModelState.AddModelError("Input.Topic", l["Validation.ValueInvalidPlain"]);
        if (Input.EventIds.Any(e => Events.All(x => x.Id != e)))
            return BadRequest();
        var slug = LearningForms.Trimmed(Input.Slug);
        if (slug != null && !Slugs.IsValid(slug))
            ModelState.AddModelError("Input.Slug", l["LearningAdmin.SlugInvalid"]);
        // A published course must be completable: every lesson's quiz needs a right answer to every question.
        if (Input.Published && (Lessons.Count == 0 || await HasUnanswerableQuestionAsync(course, ct)))
            ModelState.AddModelError("Input.Published", l["LearningAdmin.CourseNotReady"]);
        if (!ModelState.IsValid)
            return Page();

        slug ??= course?.Slug ?? await Slugs.UniqueAsync(Input.TitleBg, s => db.Set<Course>().AnyAsync(c => c.Slug == s, ct), "course");
        if (await db.Set<Course>().AnyAsync(c => c.Slug == slug && c.Id != (course == null ? Guid.Empty : course.Id), ct))
        {
            ModelState.AddModelError("Input.Slug", l["LearningAdmin.SlugTaken"]);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (course == null)
        {
            course = new Course { CreatedAt = now };
            db.Add(course);
        }
        course.Slug = slug;
        course.Title = new(Input.TitleBg.Trim(), Input.TitleEn?.Trim() ?? "");
        course.Summary = new(Input.SummaryBg.Trim(), Input.SummaryEn?.Trim() ?? "");
        course.Description = new(Input.DescriptionBg ?? "", Input.DescriptionEn ?? "");
        course.Audience = Input.Audience;
        course.Topic = Input.Topic;
        if (Input.Published && !course.Published)
            course.PublishedAt = now;
        course.Published = Input.Published;
        course.UpdatedAt = now;
        var links = await db.Set<CourseEvent>().Where(x => x.CourseId == course.Id).ToListAsync(ct);
        db.RemoveRange(links.Where(x => !Input.EventIds.Contains(x.EventId)));
        foreach (var e in Input.EventIds.Distinct().Where(e => links.All(x => x.EventId != e)))
            db.Add(new CourseEvent { CourseId = course.Id, EventId = e });
        audit.Record(User, id == null ? "learning.course.create" : "learning.course.update", "course", course.Id.ToString(),
            course.Published ? "published" : "draft");
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
        return Redirect($"/admin/learning/courses/{course.Id}");
    }

    private async Task<bool> HasUnanswerableQuestionAsync(Course? course, CancellationToken ct)
    {
        if (course == null)
            return true;
        return await db.Set<QuizQuestion>()
            .Where(q => db.Set<Lesson>().Any(x => x.Id == q.LessonId && x.CourseId == course.Id))
            .AnyAsync(q => !q.Options.Any(o => o.IsCorrect), ct);
    }

    private async Task LoadAsync(Course? course, CancellationToken ct)
    {
        if (course != null)
        {
            Id = course.Id;
            PublicSlug = course.Slug;
            Lessons = await db.Set<Lesson>().AsNoTracking().Where(x => x.CourseId == course.Id).OrderBy(x => x.Position)
                .Select(x => new LessonRow(x.Id, x.Position, x.Title, x.Questions.Count)).ToListAsync(ct);
        }
        // Events that can still be offered: not yet over, plus any already linked.
        var now = clock.GetUtcNow().UtcDateTime;
        var courseId = course?.Id ?? Guid.Empty;
        var linked = db.Set<CourseEvent>().Where(x => x.CourseId == courseId).Select(x => x.EventId);
        Events = await db.Set<Event>().AsNoTracking().Where(e => e.EndsAt > now || linked.Contains(e.Id))
            .OrderBy(e => e.StartsAt).Take(200)
            .Select(e => new EventOption(e.Id, e.Title, e.StartsAt, e.Published)).ToListAsync(ct);
    }
}
