using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Learning;

/// <summary>
/// A lesson and its quiz. Anyone may read a published lesson; a signed-in learner answers the quiz once the lessons
/// before it are passed. A plain form POST: after it, the score and every question's explanation.
/// </summary>
public sealed class LessonModel(LearningCatalog catalog, AgoraDb db, SubmitQuiz quiz, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string FieldPrefix = "q-";

    public Course Course { get; private set; } = default!;
    public Lesson Lesson { get; private set; } = default!;
    public int LessonCount { get; private set; }
    public bool Reached { get; private set; }
    public QuizResult? Result { get; private set; }

    /// <summary>What the learner chose, to re-check the boxes when the form comes back.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> Chosen { get; private set; } = new Dictionary<Guid, IReadOnlyList<Guid>>();

    public bool ShowForm => User.UserId() != null && Reached && Result is not { Passed: true };

    public async Task<IActionResult> OnGetAsync(string slug, int n, CancellationToken ct)
    {
        if (!await LoadAsync(slug, n, ct))
            return NotFound();
        if (User.UserId() is Guid uid)
        {
            Reached = await quiz.ReachedAsync(Lesson, uid, ct);
            // A passed lesson shows its passing attempt again.
            var passed = await quiz.PassedAttemptAsync(Lesson.Id, uid, ct);
            Result = passed;
            if (passed?.Answers != null)
                Chosen = passed.Answers.ToDictionary(a => a.Key, a => a.Value.Chosen);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int n, CancellationToken ct)
    {
        if (User.UserId() is not Guid uid)
            return Challenge();
        if (!await LoadAsync(slug, n, ct))
            return NotFound();
        if (!TryReadAnswers(out var answers))
            return BadRequest();
        Chosen = answers;
        var result = await quiz.RunAsync(Lesson, uid, answers, ct);
        switch (result.Outcome)
        {
            case QuizOutcome.Forged:
                return BadRequest();
            case QuizOutcome.NotReached:
                Reached = false;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case QuizOutcome.Incomplete:
                Reached = true;
                ModelState.AddModelError("", l["Learning.AnswerEveryQuestion"]);
                return Page();
            default:
                Reached = true;
                Result = result;
                if (result.Outcome == QuizOutcome.AlreadyPassed && result.Answers != null)
                    Chosen = result.Answers.ToDictionary(a => a.Key, a => a.Value.Chosen);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string slug, int n, CancellationToken ct)
    {
        var course = await catalog.VisibleCourses(User).AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (course == null)
            return false;
        var lesson = await db.Set<Lesson>().AsNoTracking().AsSplitQuery()
            .Include(x => x.Questions.OrderBy(q => q.Position)).ThenInclude(q => q.Options.OrderBy(o => o.Position))
            .FirstOrDefaultAsync(x => x.CourseId == course.Id && x.Position == n, ct);
        if (lesson == null)
            return false;
        Course = course;
        Lesson = lesson;
        LessonCount = await db.Set<Lesson>().CountAsync(x => x.CourseId == course.Id, ct);
        return true;
    }

    /// <summary>Fields "q-{question id}" carry the chosen option ids; anything that is not an id is refused as forged.</summary>
    private bool TryReadAnswers(out Dictionary<Guid, IReadOnlyList<Guid>> answers)
    {
        answers = [];
        foreach (var (key, values) in Request.Form)
        {
            if (!key.StartsWith(FieldPrefix, StringComparison.Ordinal))
                continue;
            if (!Guid.TryParse(key.AsSpan(FieldPrefix.Length), out var questionId))
                return false;
            var chosen = new List<Guid>();
            foreach (var v in values)
            {
                if (!Guid.TryParse(v, out var optionId))
                    return false;
                chosen.Add(optionId);
            }
            answers[questionId] = chosen;
        }
        return true;
    }
}
