using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Learning;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Learning;

/// <summary>Create or edit a lesson of a course (no id: a new one, added at the end) and list its quiz questions.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class LessonModel(AgoraDb db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid CourseId { get; private set; }
    public LocalizedText CourseTitle { get; private set; } = new();
    public Guid? Id { get; private set; }
    public int? Position { get; private set; }

    public sealed record QuestionRow(Guid Id, int Position, LocalizedText Text, bool MultipleChoice, int Options, int Correct);

    public IReadOnlyList<QuestionRow> Questions { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.TitleBg")]
        public string TitleBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.TitleEn")]
        public string? TitleEn { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(100_000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.BodyBg")]
        public string BodyBg { get; set; } = "";

        [StringLength(100_000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.BodyEn")]
        public string? BodyEn { get; set; }

        [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.VideoUrl")]
        public string? VideoUrl { get; set; }

        [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.DocumentUrl")]
        public string? DocumentUrl { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid courseId, Guid? id, CancellationToken ct)
    {
        var lesson = await LoadAsync(courseId, id, ct);
        if (CourseId == Guid.Empty || (id != null && lesson == null))
            return NotFound();
        if (lesson != null)
        {
            Input = new InputModel
            {
                TitleBg = lesson.Title.Bg,
                TitleEn = lesson.Title.En,
                BodyBg = lesson.Body.Bg,
                BodyEn = lesson.Body.En,
                VideoUrl = lesson.VideoUrl,
                DocumentUrl = lesson.DocumentUrl,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid courseId, Guid? id, CancellationToken ct)
    {
        var lesson = await LoadAsync(courseId, id, ct);
        if (CourseId == Guid.Empty || (id != null && lesson == null))
            return NotFound();
        if (!LearningForms.IsWebLink(Input.VideoUrl))
            ModelState.AddModelError("Input.VideoUrl", l["LearningAdmin.LinkInvalid"]);
        if (!LearningForms.IsWebLink(Input.DocumentUrl))
            ModelState.AddModelError("Input.DocumentUrl", l["LearningAdmin.LinkInvalid"]);
        if (!ModelState.IsValid)
            return Page();
        if (lesson == null)
        {
            var last = await db.Set<Lesson>().Where(x => x.CourseId == courseId).MaxAsync(x => (int?)x.Position, ct) ?? 0;
            lesson = new Lesson { CourseId = courseId, Position = last + 1 };
            db.Add(lesson);
        }
        lesson.Title = new(Input.TitleBg.Trim(), Input.TitleEn?.Trim() ?? "");
        lesson.Body = new(Input.BodyBg, Input.BodyEn ?? "");
        lesson.VideoUrl = LearningForms.Trimmed(Input.VideoUrl);
        lesson.DocumentUrl = LearningForms.Trimmed(Input.DocumentUrl);
        audit.Record(User, id == null ? "learning.lesson.create" : "learning.lesson.update", "lesson", lesson.Id.ToString(), $"course {courseId}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another administrator added a lesson at the same moment and took this position.
            ModelState.AddModelError("", l["LearningAdmin.TryAgain"]);
            return Page();
        }
        TempData["Status"] = l["LearningAdmin.Saved"].Value;
        return Redirect($"/admin/learning/courses/{courseId}/lessons/{lesson.Id}");
    }

    private async Task<Lesson?> LoadAsync(Guid courseId, Guid? id, CancellationToken ct)
    {
        var course = await db.Set<Course>().AsNoTracking().Where(c => c.Id == courseId).Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(ct);
        if (course == null)
            return null;
        CourseId = course.Id;
        CourseTitle = course.Title;
        if (id is not Guid lid)
            return null;
        var lesson = await db.Set<Lesson>().FirstOrDefaultAsync(x => x.Id == lid && x.CourseId == courseId, ct);
        if (lesson == null)
            return null;
        Id = lesson.Id;
        Position = lesson.Position;
        Questions = await db.Set<QuizQuestion>().AsNoTracking().Where(q => q.LessonId == lid).OrderBy(q => q.Position)
            .Select(q => new QuestionRow(q.Id, q.Position, q.Text, q.MultipleChoice, q.Options.Count, q.Options.Count(o => o.IsCorrect)))
            .ToListAsync(ct);
        return lesson;
    }
}
