using Agora.Web.Features.Learning;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Admin.Learning;

/// <summary>
/// The learning hub for site administrators: every guide and course (drafts too), enrolments and completion rates
/// per course, and the questions learners most often get wrong. Four queries whatever the numbers.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AgoraDb db) : PageModel
{
    public const int MissedPerCourse = 5;

    public sealed record CourseRow(Guid Id, string Slug, LocalizedText Title, bool Published, int Lessons, int Enrolled, int Completed)
    {
        public int RatePercent => Enrolled == 0 ? 0 : (int)Math.Round(Completed * 100.0 / Enrolled);
    }

    public sealed record GuideRow(Guid Id, string Slug, LocalizedText Title, Audience Audience, bool Published, DateOnly ReviewedOn);

    public sealed record MissedRow(Guid CourseId, int Lesson, LocalizedText Question, int Answered, int Wrong)
    {
        public int WrongPercent => Answered == 0 ? 0 : (int)Math.Round(Wrong * 100.0 / Answered);
    }

    public IReadOnlyList<CourseRow> Courses { get; private set; } = [];
    public IReadOnlyList<GuideRow> Guides { get; private set; } = [];
    public ILookup<Guid, MissedRow> Missed { get; private set; } = Array.Empty<MissedRow>().ToLookup(m => m.CourseId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Courses = await db.Set<Course>().AsNoTracking().OrderBy(c => c.Slug)
            .Select(c => new CourseRow(c.Id, c.Slug, c.Title, c.Published, c.Lessons.Count,
                db.Set<Enrolment>().Count(e => e.CourseId == c.Id),
                db.Set<Enrolment>().Count(e => e.CourseId == c.Id && e.CompletedAt != null)))
            .ToListAsync(ct);
        Guides = await db.Set<Guide>().AsNoTracking().OrderBy(g => g.Audience).ThenBy(g => g.Slug)
            .Select(g => new GuideRow(g.Id, g.Slug, g.Title, g.Audience, g.Published, g.ReviewedOn))
            .ToListAsync(ct);
        var stats = await db.Set<QuizAnswer>().AsNoTracking()
            .GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Answered = g.Count(), Wrong = g.Count(a => !a.Correct) })
            .Where(x => x.Wrong > 0)
            .ToListAsync(ct);
        var ids = stats.Select(s => s.QuestionId).ToList();
        var questions = await db.Set<QuizQuestion>().AsNoTracking().Where(q => ids.Contains(q.Id))
            .Join(db.Set<Lesson>(), q => q.LessonId, l => l.Id, (q, l) => new { q.Id, q.Text, l.CourseId, l.Position })
            .ToListAsync(ct);
        var byId = stats.ToDictionary(s => s.QuestionId);
        Missed = questions
            .Select(q => new MissedRow(q.CourseId, q.Position, q.Text, byId[q.Id].Answered, byId[q.Id].Wrong))
            .GroupBy(m => m.CourseId)
            .SelectMany(g => g.OrderByDescending(m => m.Wrong).ThenByDescending(m => m.WrongPercent).Take(MissedPerCourse))
            .ToLookup(m => m.CourseId);
    }
}
