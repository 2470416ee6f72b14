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

/// <summary>
/// Create or edit a quiz question (no id: a new one) with up to <see cref="MaxOptions"/> options, the right ones
/// ticked. Options are updated in place by position, so their ids (and learners' recorded answers) stay stable.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class QuestionModel(AgoraDb db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxOptions = 6;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid LessonId { get; private set; }
    public Guid CourseId { get; private set; }
    public LocalizedText LessonTitle { get; private set; } = new();
    public Guid? Id { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.QuestionBg")]
        public string TextBg { get; set; } = "";

        [StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.QuestionEn")]
        public string? TextEn { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(2000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.ExplanationBg")]
        public string ExplanationBg { get; set; } = "";

        [StringLength(2000, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.ExplanationEn")]
        public string? ExplanationEn { get; set; }

        [Display(Name = "LearningAdmin.MultipleField")]
        public bool MultipleChoice { get; set; }

        public List<OptionInput> Options { get; set; } = [];
    }

    public sealed class OptionInput
    {
        [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.OptionBg")]
        public string? TextBg { get; set; }

        [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "LearningAdmin.OptionEn")]
        public string? TextEn { get; set; }

        [Display(Name = "LearningAdmin.OptionCorrect")]
        public bool Correct { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid lessonId, Guid? id, CancellationToken ct)
    {
        var question = await LoadAsync(lessonId, id, ct);
        if (LessonId == Guid.Empty || (id != null && question == null))
            return NotFound();
        if (question != null)
        {
            Input = new InputModel
            {
                TextBg = question.Text.Bg,
                TextEn = question.Text.En,
                ExplanationBg = question.Explanation.Bg,
                ExplanationEn = question.Explanation.En,
                MultipleChoice = question.MultipleChoice,
                Options = question.Options.OrderBy(o => o.Position)
                    .Select(o => new OptionInput { TextBg = o.Text.Bg, TextEn = o.Text.En, Correct = o.IsCorrect }).ToList(),
            };
        }
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid lessonId, Guid? id, CancellationToken ct)
    {
        var question = await LoadAsync(lessonId, id, ct);
        if (LessonId == Guid.Empty || (id != null && question == null))
            return NotFound();
        if (Input.Options.Count > MaxOptions)
            return BadRequest();
        var filled = Input.Options.Where(o => !string.IsNullOrWhiteSpace(o.TextBg)).ToList();
        if (Input.Options.Any(o => o.Correct && string.IsNullOrWhiteSpace(o.TextBg)))
            ModelState.AddModelError("", l["LearningAdmin.CorrectNeedsText"]);
        if (filled.Count < 2)
            ModelState.AddModelError("", l["LearningAdmin.TwoOptions"]);
        var correct = filled.Count(o => o.Correct);
        if (correct == 0 || (!Input.MultipleChoice && correct > 1))
            ModelState.AddModelError("", l[Input.MultipleChoice ? "LearningAdmin.OneCorrectAtLeast" : "LearningAdmin.ExactlyOneCorrect"]);
        if (!ModelState.IsValid)
        {
            Pad();
            return Page();
        }
        if (question == null)
        {
            var last = await db.Set<QuizQuestion>().Where(q => q.LessonId == lessonId).MaxAsync(q => (int?)q.Position, ct) ?? 0;
            question = new QuizQuestion { LessonId = lessonId, Position = last + 1 };
            db.Add(question);
        }
        question.Text = new(Input.TextBg.Trim(), Input.TextEn?.Trim() ?? "");
        question.Explanation = new(Input.ExplanationBg.Trim(), Input.ExplanationEn?.Trim() ?? "");
        question.MultipleChoice = Input.MultipleChoice;
        var existing = question.Options.OrderBy(o => o.Position).ToList();
        for (var i = 0; i < filled.Count; i++)
        {
            var option = i < existing.Count ? existing[i] : new QuizOption { QuestionId = question.Id };
            option.Position = i + 1;
            option.Text = new(filled[i].TextBg!.Trim(), filled[i].TextEn?.Trim() ?? "");
            option.IsCorrect = filled[i].Correct;
            if (i >= existing.Count)
                question.Options.Add(option);
        }
        foreach (var gone in existing.Skip(filled.Count))
            db.Remove(gone);
        audit.Record(User, id == null ? "learning.question.create" : "learning.question.update", "question", question.Id.ToString(), $"lesson {lessonId}");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["LearningAdmin.Saved"].Value;
        return Redirect($"/admin/learning/courses/{CourseId}/lessons/{lessonId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid lessonId, Guid? id, CancellationToken ct)
    {
        ModelState.Clear();
        var question = await LoadAsync(lessonId, id, ct);
        if (question == null)
            return NotFound();
        db.Remove(question);
        audit.Record(User, "learning.question.delete", "question", question.Id.ToString(), $"lesson {lessonId}");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["LearningAdmin.Deleted"].Value;
        return Redirect($"/admin/learning/courses/{CourseId}/lessons/{lessonId}");
    }

    /// <summary>Empty rows up to the maximum, so a new option can be typed without JavaScript.</summary>
    private void Pad()
    {
        while (Input.Options.Count < MaxOptions)
            Input.Options.Add(new OptionInput());
    }

    private async Task<QuizQuestion?> LoadAsync(Guid lessonId, Guid? id, CancellationToken ct)
    {
        var lesson = await db.Set<Lesson>().AsNoTracking().Where(x => x.Id == lessonId)
            .Select(x => new { x.Id, x.CourseId, x.Title }).FirstOrDefaultAsync(ct);
        if (lesson == null)
            return null;
        LessonId = lesson.Id;
        CourseId = lesson.CourseId;
        LessonTitle = lesson.Title;
        if (id is not Guid qid)
            return null;
        var question = await db.Set<QuizQuestion>().Include(q => q.Options).FirstOrDefaultAsync(q => q.Id == qid && q.LessonId == lessonId, ct);
        Id = question?.Id;
        return question;
    }
}
