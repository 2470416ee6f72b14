using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>How a quiz is scored. A question counts as right only when exactly the correct options are chosen
/// (for multiple choice: all the right ones and none of the wrong ones).</summary>
public static class QuizScoring
{
    /// <summary>
    /// A lesson is passed with at least 80 % of its questions right. With the short quizzes the platform uses (three
    /// to five questions) that means all right, or one slip in five: the point is to check understanding, not to
    /// catch people out — every answer comes back with its explanation, and a failed quiz can be taken again.
    /// </summary>
    public const int PassPercent = 80;

    public static bool Passes(int correct, int total) => total == 0 || correct * 100 >= total * PassPercent;

    public static bool IsCorrect(QuizQuestion question, IReadOnlyCollection<Guid> chosen)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(chosen);
        var right = question.Options.Where(o => o.IsCorrect).Select(o => o.Id).ToHashSet();
        return right.SetEquals(chosen);
    }
}

public enum QuizOutcome
{
    /// <summary>Scored and recorded; see <see cref="QuizResult.Passed"/>.</summary>
    Scored,
    /// <summary>The lesson was passed before: nothing recorded, the passing attempt is returned.</summary>
    AlreadyPassed,
    /// <summary>A previous lesson is not passed yet.</summary>
    NotReached,
    /// <summary>Some question was left unanswered: nothing recorded, the form comes back.</summary>
    Incomplete,
    /// <summary>Option or question ids that do not belong to this quiz, or two answers to a single-choice question.</summary>
    Forged,
}

public sealed record QuizResult(QuizOutcome Outcome, int Correct = 0, int Total = 0, bool Passed = false,
    IReadOnlyDictionary<Guid, (bool Correct, IReadOnlyList<Guid> Chosen)>? Answers = null, string? CertificateCode = null);

/// <summary>
/// A learner submits a lesson's quiz. Refuses lessons not reached and forged answers; after a pass, repeats change
/// nothing. The attempt, the pass and (after the last lesson) the completion record are one transaction, and the
/// pass's primary key makes parallel submissions record at most one pass.
/// </summary>
public sealed class SubmitQuiz(AgoraDb db, TimeProvider clock)
{
    public async Task<QuizResult> RunAsync(Lesson lesson, Guid userId, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> answers,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        ArgumentNullException.ThrowIfNull(answers);
        var questions = lesson.Questions;
        var byId = questions.ToDictionary(q => q.Id);
        foreach (var (questionId, chosen) in answers)
        {
            if (!byId.TryGetValue(questionId, out var q))
                return new QuizResult(QuizOutcome.Forged);
            var optionIds = q.Options.Select(o => o.Id).ToHashSet();
            if (chosen.Any(id => !optionIds.Contains(id)) || chosen.Distinct().Count() != chosen.Count
                || (!q.MultipleChoice && chosen.Count > 1))
                return new QuizResult(QuizOutcome.Forged);
        }

        var previous = await PassedAttemptAsync(lesson.Id, userId, ct);
        if (previous != null)
            return previous;
        if (!await ReachedAsync(lesson, userId, ct))
            return new QuizResult(QuizOutcome.NotReached);
        if (questions.Any(q => !answers.TryGetValue(q.Id, out var c) || c.Count == 0))
            return new QuizResult(QuizOutcome.Incomplete);

        var enrolment = await EnrolAsync(lesson.CourseId, userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = new QuizAttempt { LessonId = lesson.Id, UserId = userId, SubmittedAt = now, Total = questions.Count };
        var scored = new Dictionary<Guid, (bool, IReadOnlyList<Guid>)>();
        foreach (var q in questions)
        {
            var chosen = answers[q.Id];
            var correct = QuizScoring.IsCorrect(q, chosen.ToList());
            scored[q.Id] = (correct, chosen);
            attempt.Answers.Add(new QuizAnswer { QuestionId = q.Id, Correct = correct, ChosenOptionIds = string.Join(',', chosen) });
            if (correct)
                attempt.Correct++;
        }
        attempt.Passed = QuizScoring.Passes(attempt.Correct, attempt.Total);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(attempt);
        if (attempt.Passed)
            db.Add(new LessonPass { LessonId = lesson.Id, UserId = userId, AttemptId = attempt.Id, PassedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A parallel submission passed first: this one is dropped whole, so nothing is counted twice.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await PassedAttemptAsync(lesson.Id, userId, ct) ?? new QuizResult(QuizOutcome.AlreadyPassed);
        }
        string? code = null;
        if (attempt.Passed)
            code = await CompleteIfAllPassedAsync(enrolment, userId, now, ct);
        await tx.CommitAsync(ct);
        return new QuizResult(QuizOutcome.Scored, attempt.Correct, attempt.Total, attempt.Passed, scored, code);
    }

    /// <summary>The learner's enrolment in the course, created on first need; a parallel creation is tolerated.</summary>
    public async Task<Enrolment> EnrolAsync(Guid courseId, Guid userId, CancellationToken ct)
    {
        var existing = await db.Set<Enrolment>().AsNoTracking().FirstOrDefaultAsync(e => e.CourseId == courseId && e.UserId == userId, ct);
        if (existing != null)
            return existing;
        var enrolment = new Enrolment { CourseId = courseId, UserId = userId, EnrolledAt = clock.GetUtcNow().UtcDateTime };
        db.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Entry(enrolment).State = EntityState.Detached;
            return enrolment;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.Entry(enrolment).State = EntityState.Detached;
            return await db.Set<Enrolment>().AsNoTracking().FirstAsync(e => e.CourseId == courseId && e.UserId == userId, ct);
        }
    }

    /// <summary>Whether every lesson before this one is passed.</summary>
    public async Task<bool> ReachedAsync(Lesson lesson, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var before = db.Set<Lesson>().Where(l => l.CourseId == lesson.CourseId && l.Position < lesson.Position);
        return !await before.AnyAsync(l => !db.Set<LessonPass>().Any(p => p.LessonId == l.Id && p.UserId == userId), ct);
    }

    /// <summary>The attempt that passed the lesson, as a result to show again; null while it is not passed.</summary>
    public async Task<QuizResult?> PassedAttemptAsync(Guid lessonId, Guid userId, CancellationToken ct)
    {
        var attemptId = await db.Set<LessonPass>().Where(p => p.LessonId == lessonId && p.UserId == userId)
            .Select(p => (Guid?)p.AttemptId).FirstOrDefaultAsync(ct);
        if (attemptId == null)
            return null;
        var attempt = await db.Set<QuizAttempt>().AsNoTracking().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt == null)
            return null;
        var answers = attempt.Answers.ToDictionary(a => a.QuestionId,
            a => (a.Correct, (IReadOnlyList<Guid>)a.ChosenOptionIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList()));
        return new QuizResult(QuizOutcome.AlreadyPassed, attempt.Correct, attempt.Total, true, answers);
    }

    /// <summary>Sets the completion once: the update only touches an enrolment not yet completed.</summary>
    private async Task<string?> CompleteIfAllPassedAsync(Enrolment enrolment, Guid userId, DateTime now, CancellationToken ct)
    {
        var open = await db.Set<Lesson>().Where(l => l.CourseId == enrolment.CourseId)
            .AnyAsync(l => !db.Set<LessonPass>().Any(p => p.LessonId == l.Id && p.UserId == userId), ct);
        if (open)
            return null;
        // The code space (31^12) makes a collision practically impossible; the unique index still guards it.
        var code = CertificateCodes.New();
        var updated = await db.Set<Enrolment>().Where(e => e.Id == enrolment.Id && e.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedAt, now).SetProperty(e => e.CertificateCode, code), ct);
        return updated == 1 ? code : null;
    }
}
