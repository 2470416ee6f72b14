using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>The learner's share of "download my data": enrolments with completion codes, passed lessons, quiz attempts.</summary>
public sealed class LearningPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "learning";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct)
    {
        var enrolments = await db.Set<Enrolment>().AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.Set<Course>(), e => e.CourseId, c => c.Id, (e, c) => new
            {
                course = c.Slug,
                e.EnrolledAt,
                e.CompletedAt,
                certificateCode = e.CertificateCode,
            })
            .ToListAsync(ct);
        var attempts = await db.Set<QuizAttempt>().AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Set<Lesson>(), a => a.LessonId, l => l.Id, (a, l) => new { a, l })
            .Join(db.Set<Course>(), x => x.l.CourseId, c => c.Id, (x, c) => new
            {
                course = c.Slug,
                lesson = x.l.Position,
                x.a.SubmittedAt,
                x.a.Correct,
                x.a.Total,
                x.a.Passed,
            })
            .OrderBy(x => x.SubmittedAt)
            .ToListAsync(ct);
        var passes = await db.Set<LessonPass>().AsNoTracking().Where(p => p.UserId == userId)
            .Join(db.Set<Lesson>(), p => p.LessonId, l => l.Id, (p, l) => new { l.CourseId, lesson = l.Position, p.PassedAt })
            .Join(db.Set<Course>(), x => x.CourseId, c => c.Id, (x, c) => new { course = c.Slug, x.lesson, x.PassedAt })
            .ToListAsync(ct);
        return new { enrolments, lessonsPassed = passes, quizAttempts = attempts };
    }
}
