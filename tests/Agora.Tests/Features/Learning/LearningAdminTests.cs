using System.Net;
using Agora.Web.Features.Learning;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Learning;

public sealed class LearningAdminTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    public static TheoryData<string> AdminPages => ["/admin/learning", "/admin/learning/guides", "/admin/learning/courses"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_Anonymous_IsSentToSignIn(string path)
    {
        var response = await f.Browser().GetAsync(path);
        Assert.StartsWith("/account/login", response.Location(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_PlainUserOrModerator_IsDenied(string path)
    {
        var user = await f.SignedInAsync(await f.PersonAsync());
        Assert.StartsWith("/account/access-denied", (await user.GetAsync(path)).Location(), StringComparison.Ordinal);
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        Assert.StartsWith("/account/access-denied", (await moderator.GetAsync(path)).Location(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_AdministratorWithoutTwoFactor_IsSentToSetItUp(string path)
    {
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator));
        Assert.StartsWith("/account/manage/two-factor", (await admin.GetAsync(path)).Location(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Editors_PlainUserPost_IsDeniedAndNothingSaved()
    {
        var user = await f.SignedInAsync(await f.PersonAsync());
        var token = Http.Token(await user.HtmlAsync("/learn"));
        var response = await user.PostAsync("/admin/learning/guides", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.TitleBg"] = "Пробив",
            ["Input.SummaryBg"] = "x",
            ["Input.BodyBg"] = "x",
            ["Input.ReviewedOn"] = "2026-11-01",
        }));
        Assert.StartsWith("/account/access-denied", response.Location(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<Guide>().AnyAsync(g => g.Title.Bg == "Пробив")));
    }

    [Fact]
    public async Task GuideEditor_DraftThenPublished_BecomesPublicWithComputedReadingTime()
    {
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var title = "Отворени данни " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Input.TitleBg"] = title,
            ["Input.TitleEn"] = "Open data",
            ["Input.SummaryBg"] = "Как да ползвате отворените данни.",
            ["Input.BodyBg"] = string.Join(' ', Enumerable.Repeat("дума", 450)) + " <script>alert(1)</script>",
            ["Input.BodyEn"] = "Short.",
            ["Input.Audience"] = "Citizens",
            ["Input.Topic"] = "OpenData",
            ["Input.ReviewedOn"] = "2026-11-01",
            ["Input.Published"] = "false",
        };
        var created = await admin.PostFormAsync("/admin/learning/guides", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var guide = await f.DbAsync(db => db.Set<Guide>().AsNoTracking().SingleAsync(g => g.Title.Bg == title));
        Assert.Equal(3, guide.ReadingMinutesBg);
        Assert.Equal(1, guide.ReadingMinutesEn);
        Assert.False(guide.Published);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/learn/guides/{guide.Slug}")).StatusCode);

        fields["Input.Published"] = "true";
        fields["Input.Slug"] = guide.Slug;
        await admin.PostFormAsync($"/admin/learning/guides/{guide.Id}", fields);
        var html = await f.Browser().GetAsync($"/learn/guides/{guide.Slug}");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var text = await html.Content.ReadAsStringAsync();
        Assert.Contains("3 мин. четене", await html.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", text, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "learning.guide.update" && a.TargetId == guide.Id.ToString())));
    }

    [Fact]
    public async Task GuideEditor_MissingTitleOrBadSlug_ShowsErrorsAndSavesNothing()
    {
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var before = await f.DbAsync(db => db.Set<Guide>().CountAsync());
        var response = await admin.PostFormAsync("/admin/learning/guides", new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "",
            ["Input.Slug"] = "Лош адрес!",
            ["Input.SummaryBg"] = "x",
            ["Input.BodyBg"] = "текст",
            ["Input.Audience"] = "Citizens",
            ["Input.Topic"] = "OpenData",
            ["Input.ReviewedOn"] = "2026-11-01",
        });
        var html = await response.TextAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("„Заглавие (български)“ е задължително", html, StringComparison.Ordinal);
        Assert.Contains("само латински малки букви", html, StringComparison.Ordinal);
        Assert.Equal(before, await f.DbAsync(db => db.Set<Guide>().CountAsync()));
    }

    [Fact]
    public async Task CourseEditors_BuildACourseWithALessonAndAQuestion_ThatALearnerCanPass()
    {
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var title = "Курс за служители " + Guid.NewGuid().ToString("N")[..6];
        var courseFields = new Dictionary<string, string>
        {
            ["Input.TitleBg"] = title,
            ["Input.SummaryBg"] = "Резюме",
            ["Input.Audience"] = "MunicipalStaff",
            ["Input.Topic"] = "RunningWorkshop",
            ["Input.Published"] = "true",
        };
        // Publishing an empty course is refused: nobody could complete it.
        var refused = await admin.PostFormAsync("/admin/learning/courses", courseFields);
        Assert.Contains("поне един урок", await refused.TextAsync(), StringComparison.Ordinal);
        courseFields["Input.Published"] = "false";
        var created = await admin.PostFormAsync("/admin/learning/courses", courseFields);
        var courseUrl = created.Location();
        var course = await f.DbAsync(db => db.Set<Course>().AsNoTracking().SingleAsync(c => c.Title.Bg == title));

        var lesson = await admin.PostFormAsync($"/admin/learning/courses/{course.Id}/lessons", new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "Първи урок",
            ["Input.BodyBg"] = "Текст",
            ["Input.VideoUrl"] = "javascript:alert(1)",
        });
        Assert.Contains("започващ с http:// или https://", await lesson.TextAsync(), StringComparison.Ordinal);
        lesson = await admin.PostFormAsync($"/admin/learning/courses/{course.Id}/lessons", new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "Първи урок",
            ["Input.BodyBg"] = "Текст",
            ["Input.VideoUrl"] = "https://video.example/1",
        });
        Assert.Equal(HttpStatusCode.Redirect, lesson.StatusCode);
        var lessonId = await f.DbAsync(db => db.Set<Lesson>().Where(l => l.CourseId == course.Id).Select(l => l.Id).SingleAsync());

        var questionFields = new Dictionary<string, string>
        {
            ["Input.TextBg"] = "Кое е вярно?",
            ["Input.ExplanationBg"] = "Защото така.",
            ["Input.MultipleChoice"] = "false",
            ["Input.Options[0].TextBg"] = "Вярно",
            ["Input.Options[0].Correct"] = "true",
            ["Input.Options[1].TextBg"] = "Също вярно?",
            ["Input.Options[1].Correct"] = "true",
        };
        var twoRight = await admin.PostFormAsync($"/admin/learning/lessons/{lessonId}/questions", questionFields);
        Assert.Contains("точно един отговор", await twoRight.TextAsync(), StringComparison.Ordinal);
        questionFields["Input.Options[1].Correct"] = "false";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/learning/lessons/{lessonId}/questions", questionFields)).StatusCode);

        courseFields["Input.Published"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(courseUrl, courseFields)).StatusCode);

        var learner = await f.PersonAsync();
        var client = await f.SignedInAsync(learner);
        var published = await f.DbAsync(db => db.Set<Course>().AsNoTracking().SingleAsync(c => c.Id == course.Id));
        await client.PostQuizAsync(published.LessonUrl(1), await f.AnswersAsync(course.Id, 1, right: false));
        var passed = await client.PostQuizAsync(published.LessonUrl(1), await f.AnswersAsync(course.Id, 1));
        Assert.Contains("Завършихте курса!", await passed.TextAsync(), StringComparison.Ordinal);

        var stats = await admin.HtmlAsync("/admin/learning");
        Assert.Contains(title, stats, StringComparison.Ordinal);
        Assert.Contains("Най-често грешени въпроси: " + title, stats, StringComparison.Ordinal);
        Assert.Contains("Кое е вярно?", stats, StringComparison.Ordinal);
        Assert.Contains("100%", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionEditor_EditingKeepsOptionIds()
    {
        var course = await f.CourseAsync(lessons: 1);
        var question = await f.DbAsync(db => db.Set<QuizQuestion>().AsNoTracking().Include(q => q.Options)
            .SingleAsync(q => !q.MultipleChoice && db.Set<Lesson>().Any(l => l.Id == q.LessonId && l.CourseId == course.Id)));
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var url = $"/admin/learning/lessons/{question.LessonId}/questions/{question.Id}";
        var response = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.TextBg"] = "Преформулиран въпрос",
            ["Input.ExplanationBg"] = "Обяснение",
            ["Input.Options[0].TextBg"] = "Верен (нов текст)",
            ["Input.Options[0].Correct"] = "true",
            ["Input.Options[1].TextBg"] = "Грешен",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await f.DbAsync(db => db.Set<QuizOption>().AsNoTracking().Where(o => o.QuestionId == question.Id).OrderBy(o => o.Position).ToListAsync());
        Assert.Equal(question.Options.OrderBy(o => o.Position).Select(o => o.Id), after.Select(o => o.Id));
        Assert.Equal("Верен (нов текст)", after[0].Text.Bg);
    }
}
