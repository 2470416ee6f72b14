using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>A course: its lessons with the learner's progress, the completion record, and linked upcoming events.</summary>
public sealed class CourseModel(LearningCatalog catalog, ProcessAccess processes, AgoraDb db, SubmitQuiz quiz, TimeProvider clock)
    : PageModel
{
    public Course Course { get; private set; } = default!;

    public sealed record LessonRow(int Position, string Title, int Questions, bool Passed);

    public sealed record EventRow(Guid Id, string Title, EventType Type, DateTime StartsAt);

    public IReadOnlyList<LessonRow> Lessons { get; private set; } = [];
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public Enrolment? Enrolment { get; private set; }

    /// <summary>The first lesson not passed yet (1-based), or null when all are.</summary>
    public int? NextLesson => Lessons.FirstOrDefault(l => !l.Passed)?.Position;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var course = await catalog.VisibleCourses(User).AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (course == null)
            return NotFound();
        Course = course;
        var uid = User.UserId() ?? Guid.Empty;
        var rows = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).OrderBy(l => l.Position)
            .Select(l => new
            {
                l.Position,
                l.Title,
                Questions = l.Questions.Count,
                Passed = db.Set<LessonPass>().Any(p => p.LessonId == l.Id && p.UserId == uid),
            })
            .ToListAsync(ct);
        Lessons = rows.Select(l => new LessonRow(l.Position, l.Title.Current, l.Questions, l.Passed)).ToList();
        if (uid != Guid.Empty)
            Enrolment = await db.Set<Enrolment>().AsNoTracking().FirstOrDefaultAsync(e => e.CourseId == course.Id && e.UserId == uid, ct);

        // Upcoming published events linked to the course, only those whose process the reader may see.
        var now = clock.GetUtcNow().UtcDateTime;
        var linked = db.Set<CourseEvent>().Where(x => x.CourseId == course.Id).Select(x => x.EventId);
        var visible = processes.VisibleIds(User);
        var events = await db.Set<Event>().AsNoTracking()
            .Where(e => linked.Contains(e.Id) && e.Published && e.EndsAt > now
                && (e.ProcessId == null || visible.Contains(e.ProcessId.Value)))
            .OrderBy(e => e.StartsAt)
            .Select(e => new { e.Id, e.Title, e.Type, e.StartsAt })
            .ToListAsync(ct);
        Events = events.Select(e => new EventRow(e.Id, e.Title.Current, e.Type, e.StartsAt)).ToList();
        return Page();
    }

    /// <summary>"Start the course": records the enrolment (idempotent) and opens the first lesson.</summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (User.UserId() is not Guid uid)
            return Challenge();
        var course = await catalog.VisibleCourses(User).AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (course == null)
            return NotFound();
        await quiz.EnrolAsync(course.Id, uid, ct);
        return Redirect($"/learn/courses/{course.Slug}/lessons/1");
    }
}
