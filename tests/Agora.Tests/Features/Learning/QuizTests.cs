using System.Net;
using Agora.Web.Features.Learning;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Learning;

public sealed class QuizTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public void Scoring_ExactSetOfCorrectOptions_IsRightAndAnythingElseWrong()
    {
        var q = new QuizQuestion { MultipleChoice = true };
        var a = new QuizOption { IsCorrect = true };
        var b = new QuizOption { IsCorrect = true };
        var c = new QuizOption();
        q.Options.AddRange([a, b, c]);
        Assert.True(QuizScoring.IsCorrect(q, [a.Id, b.Id]));
        Assert.False(QuizScoring.IsCorrect(q, [a.Id]));
        Assert.False(QuizScoring.IsCorrect(q, [a.Id, b.Id, c.Id]));
        Assert.False(QuizScoring.IsCorrect(q, []));
    }

    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(2, 3, false)]
    [InlineData(4, 5, true)]
    [InlineData(3, 5, false)]
    [InlineData(0, 0, true)]
    public void Scoring_PassThreshold_IsEightyPercent(int correct, int total, bool passes) =>
        Assert.Equal(passes, QuizScoring.Passes(correct, total));

    [Fact]
    public async Task Quiz_AllRight_PassesAndShowsScoreAndExplanations()
    {
        var course = await f.CourseAsync();
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var response = await client.PostQuizAsync(course.LessonUrl(1), await f.AnswersAsync(course.Id, 1));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Верни отговори: 2 от 2", html, StringComparison.Ordinal);
        Assert.Contains("Преминахте урока.", html, StringComparison.Ordinal);
        Assert.Contains("Защото първият е верен.", html, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Set<LessonPass>().AnyAsync(p => p.UserId == user.Id)));
        Assert.Equal(1, await f.DbAsync(db => db.Set<Enrolment>().CountAsync(e => e.UserId == user.Id && e.CourseId == course.Id)));
    }

    [Fact]
    public async Task Quiz_MultipleChoiceHalfRight_FailsAndRecordsWhichQuestionWasWrong()
    {
        var course = await f.CourseAsync();
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var right = await f.AnswersAsync(course.Id, 1);
        // Right single choice; only one of the two right options in the multiple-choice question.
        var multiple = right.GroupBy(kv => kv.Key).First(g => g.Count() == 2);
        var fields = right.Where(kv => kv.Key != multiple.Key).Append(multiple.First()).ToList();
        var html = await (await client.PostQuizAsync(course.LessonUrl(1), fields)).TextAsync();
        Assert.Contains("Верни отговори: 1 от 2", html, StringComparison.Ordinal);
        Assert.Contains("Нужни са поне 80% верни отговори", html, StringComparison.Ordinal);
        Assert.Contains("Първите два са верни.", html, StringComparison.Ordinal);
        var attempt = await f.DbAsync(db => db.Set<QuizAttempt>().Include(a => a.Answers).SingleAsync(a => a.UserId == user.Id));
        Assert.False(attempt.Passed);
        Assert.Equal(1, attempt.Correct);
        Assert.Single(attempt.Answers, a => !a.Correct && a.QuestionId == Guid.Parse(multiple.Key[2..]));
        Assert.False(await f.DbAsync(db => db.Set<LessonPass>().AnyAsync(p => p.UserId == user.Id)));
    }

    [Fact]
    public async Task Quiz_FailedThenRight_PassesOnSecondAttempt()
    {
        var course = await f.CourseAsync();
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        await client.PostQuizAsync(course.LessonUrl(1), await f.AnswersAsync(course.Id, 1, right: false));
        await client.PostQuizAsync(course.LessonUrl(1), await f.AnswersAsync(course.Id, 1));
        Assert.Equal(2, await f.DbAsync(db => db.Set<QuizAttempt>().CountAsync(a => a.UserId == user.Id)));
        Assert.Equal(1, await f.DbAsync(db => db.Set<LessonPass>().CountAsync(p => p.UserId == user.Id)));
    }

    [Fact]
    public async Task Quiz_LessonNotReached_IsRefusedAndNothingRecorded()
    {
        var course = await f.CourseAsync(lessons: 3);
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var page = await client.HtmlAsync(course.LessonUrl(2));
        Assert.Contains("Тестът се отключва", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Изпратете отговорите", page, StringComparison.Ordinal);

        var response = await client.PostQuizAsync(course.LessonUrl(2), await f.AnswersAsync(course.Id, 2));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await f.DbAsync(db => db.Set<QuizAttempt>().CountAsync(a => a.UserId == user.Id)));

        await client.PostQuizAsync(course.LessonUrl(1), await f.AnswersAsync(course.Id, 1));
        var third = await client.PostQuizAsync(course.LessonUrl(3), await f.AnswersAsync(course.Id, 3));
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostQuizAsync(course.LessonUrl(2), await f.AnswersAsync(course.Id, 2))).StatusCode);
        Assert.Equal(2, await f.DbAsync(db => db.Set<LessonPass>().CountAsync(p => p.UserId == user.Id)));
    }

    [Fact]
    public async Task Quiz_ResubmittedAfterPassing_ChangesNothing()
    {
        var course = await f.CourseAsync();
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        await client.PostQuizAsync(course.LessonUrl(1), await f.AnswersAsync(course.Id, 1));
        var pass = await f.DbAsync(db => db.Set<LessonPass>().AsNoTracking().SingleAsync(p => p.UserId == user.Id));

        var again = await client.PostQuizAsync(course.LessonUrl(1), await f.AnswersAsync(course.Id, 1, right: false));
        var html = await again.TextAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Вече сте преминали този урок", html, StringComparison.Ordinal);
        Assert.Contains("Верни отговори: 2 от 2", html, StringComparison.Ordinal);
        Assert.Equal(1, await f.DbAsync(db => db.Set<QuizAttempt>().CountAsync(a => a.UserId == user.Id)));
        var after = await f.DbAsync(db => db.Set<LessonPass>().AsNoTracking().SingleAsync(p => p.UserId == user.Id));
        Assert.Equal(pass.AttemptId, after.AttemptId);
        Assert.Equal(pass.PassedAt, after.PassedAt);
    }

    [Fact]
    public async Task Quiz_ForgedAnswerIds_AreRefusedWith400AndNothingRecorded()
    {
        var course = await f.CourseAsync(lessons: 2);
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var lesson1 = await f.AnswersAsync(course.Id, 1);
        var lesson2 = await f.AnswersAsync(course.Id, 2);
        var single = lesson1[0];
        var multiple = lesson1.Where(kv => kv.Key != single.Key).ToList();
        var wrongSingle = await f.AnswersAsync(course.Id, 1, right: false);

        List<List<KeyValuePair<string, string>>> forgeries =
        [
            // an option of another lesson's question
            [new(single.Key, lesson2[0].Value), .. multiple],
            // a made-up option id
            [new(single.Key, Guid.NewGuid().ToString()), .. multiple],
            // not an id at all
            [new(single.Key, "1 OR 1=1"), .. multiple],
            // a question of another lesson
            [.. lesson1, lesson2[0]],
            // two answers to a single-choice question
            [single, new(single.Key, wrongSingle[0].Value), .. multiple],
            // the same option twice
            [single, multiple[0], multiple[0]],
        ];
        foreach (var fields in forgeries)
        {
            var response = await client.PostQuizAsync(course.LessonUrl(1), fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        Assert.Equal(0, await f.DbAsync(db => db.Set<QuizAttempt>().CountAsync(a => a.UserId == user.Id)));
    }

    [Fact]
    public async Task Quiz_UnansweredQuestion_ComesBackWithMessageAndNothingRecorded()
    {
        var course = await f.CourseAsync();
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var fields = (await f.AnswersAsync(course.Id, 1)).Take(1);
        var response = await client.PostQuizAsync(course.LessonUrl(1), fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Отговорете на всеки въпрос.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<QuizAttempt>().CountAsync(a => a.UserId == user.Id)));
    }

    [Fact]
    public async Task Quiz_Anonymous_IsSentToSignIn()
    {
        var course = await f.CourseAsync();
        var anonymous = f.Browser();
        var page = await anonymous.HtmlAsync(course.LessonUrl(1));
        Assert.Contains("Текст на урок 1", page, StringComparison.Ordinal);
        Assert.Contains("Влезте в профила си, за да решите теста.", page, StringComparison.Ordinal);
        var response = await anonymous.PostAsync(course.LessonUrl(1), new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Lesson_WithoutQuiz_IsMarkedDoneOnceAndOpensTheNextLesson()
    {
        var course = await f.CourseAsync(lessons: 2);
        await f.DbAsync(db => db.Set<QuizQuestion>()
            .Where(q => db.Set<Lesson>().Any(l => l.Id == q.LessonId && l.CourseId == course.Id && l.Position == 1))
            .ExecuteDeleteAsync());
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var page = await client.HtmlAsync(course.LessonUrl(1));
        Assert.Contains("Отбележете урока като завършен", page, StringComparison.Ordinal);
        // Opening the lesson records nothing; only the button does.
        Assert.Equal(0, await f.DbAsync(db => db.Set<LessonPass>().CountAsync(p => p.UserId == user.Id)));
        await client.PostQuizAsync(course.LessonUrl(1), []);
        await client.PostQuizAsync(course.LessonUrl(1), []);
        Assert.Equal(1, await f.DbAsync(db => db.Set<LessonPass>().CountAsync(p => p.UserId == user.Id)));
        Assert.Contains("Изпратете отговорите", await client.HtmlAsync(course.LessonUrl(2)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_ParallelSubmissions_RecordOnePassAndOneCompletion()
    {
        var course = await f.CourseAsync(lessons: 1);
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var url = course.LessonUrl(1);
        var token = Http.Token(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        var fields = await f.AnswersAsync(course.Id, 1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostQuizWithTokenAsync(url, token, fields)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await f.DbAsync(db => db.Set<LessonPass>().CountAsync(p => p.UserId == user.Id)));
        Assert.Equal(1, await f.DbAsync(db => db.Set<QuizAttempt>().CountAsync(a => a.UserId == user.Id && a.Passed)));
        var enrolment = await f.DbAsync(db => db.Set<Enrolment>().AsNoTracking().SingleAsync(e => e.UserId == user.Id));
        Assert.NotNull(enrolment.CertificateCode);
        Assert.NotNull(enrolment.CompletedAt);
    }
}
