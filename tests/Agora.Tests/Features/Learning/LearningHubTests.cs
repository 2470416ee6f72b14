using System.Net;
using System.Text.Json;
using Agora.Web.Features.Learning;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Learning;

public sealed class LearningHubTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task DemoCourse_CompletedByALearner_GivesACodeThePublicCheckShowsAsValid()
    {
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None)); // idempotent
        Assert.Equal(1, await f.DbAsync(db => db.Set<Course>().CountAsync(c => c.Slug == LearningDemo.CourseSlug)));
        var course = await f.DbAsync(db => db.Set<Course>().AsNoTracking().Include(c => c.Lessons).SingleAsync(c => c.Slug == LearningDemo.CourseSlug));
        Assert.True(course.Lessons.Count >= 3);

        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var start = await client.PostFormAsync($"/learn/courses/{course.Slug}", new Dictionary<string, string>());
        Assert.Equal($"/learn/courses/{course.Slug}/lessons/1", start.Location());
        HttpResponseMessage last = null!;
        for (var n = 1; n <= course.Lessons.Count; n++)
            last = await client.PostQuizAsync(course.LessonUrl(n), await f.AnswersAsync(course.Id, n));
        var html = await last.TextAsync();
        Assert.Contains("Завършихте курса!", html, StringComparison.Ordinal);

        var code = await f.DbAsync(db => db.Set<Enrolment>().Where(e => e.UserId == user.Id).Select(e => e.CertificateCode).SingleAsync());
        Assert.NotNull(code);
        var formatted = CertificateCodes.Formatted(code);
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", formatted);
        Assert.Contains(formatted, html, StringComparison.Ordinal);

        var check = await f.Browser().GetAsync("/learn/certificates/" + formatted);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var shown = await check.TextAsync();
        Assert.Contains($"Кодът {formatted} е валиден.", shown, StringComparison.Ordinal);
        Assert.Contains(user.DisplayName, shown, StringComparison.Ordinal);
        Assert.Contains(course.Title.Bg, shown, StringComparison.Ordinal);
        Assert.Contains("всеки вижда името ви", shown, StringComparison.Ordinal);

        // Typed in lower case without dashes, through the form: the same record.
        var typed = await f.Browser().GetAsync("/learn/certificates?code=" + code.ToLowerInvariant());
        Assert.Equal("/learn/certificates/" + formatted, typed.Location());

        var my = await client.HtmlAsync("/learn/my");
        Assert.Contains(formatted, my, StringComparison.Ordinal);
        Assert.Contains("Преминати уроци: 4 от 4", my, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicCheck_LearnerHidesName_ShowsCourseAndDateButNotTheName()
    {
        var course = await f.CourseAsync(lessons: 1);
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        await client.PostQuizAsync(course.LessonUrl(1), await f.AnswersAsync(course.Id, 1));
        var enrolment = await f.DbAsync(db => db.Set<Enrolment>().AsNoTracking().SingleAsync(e => e.UserId == user.Id));
        var url = "/learn/certificates/" + CertificateCodes.Formatted(enrolment.CertificateCode!);
        Assert.Contains(user.DisplayName, await f.Browser().HtmlAsync(url), StringComparison.Ordinal);

        // Somebody else cannot change it.
        var other = await f.SignedInAsync(await f.PersonAsync());
        var refused = await other.PostFormAsync("/learn/my", new Dictionary<string, string> { ["enrolment"] = enrolment.Id.ToString(), ["hide"] = "true" }, "/learn/my?handler=Name");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var hidden = await client.PostFormAsync("/learn/my", new Dictionary<string, string> { ["enrolment"] = enrolment.Id.ToString(), ["hide"] = "true" }, "/learn/my?handler=Name");
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        var html = await f.Browser().HtmlAsync(url);
        Assert.DoesNotContain(user.DisplayName, html, StringComparison.Ordinal);
        Assert.Contains("Скрито по желание на участника", html, StringComparison.Ordinal);
        Assert.Contains(course.Title.Bg, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCD-EFGH-JKMN")]
    [InlineData("not-a-code")]
    public async Task PublicCheck_MadeUpCode_IsNotFound(string code)
    {
        var response = await f.Browser("en").GetAsync("/learn/certificates/" + code);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("was not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is valid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateCodes_AreRandomTwelveCharactersWithoutLookAlikes()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => CertificateCodes.New()).ToList();
        Assert.Equal(500, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$", c));
        Assert.Equal(codes[0], CertificateCodes.Normalize(CertificateCodes.Formatted(codes[0]).ToLowerInvariant()));
        Assert.Null(CertificateCodes.Normalize("ABCD-EFGH-JKM0"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Guide_Unpublished_Is404ExceptForAdministrators()
    {
        var draft = await f.GuideAsync(published: false);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/learn/guides/{draft.Slug}")).StatusCode);
        var user = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/learn/guides/{draft.Slug}")).StatusCode);
        Assert.DoesNotContain(draft.Slug, await f.Browser().HtmlAsync("/learn"), StringComparison.Ordinal);
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/learn/guides/{draft.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Course_Unpublished_Is404AndItsQuizCannotBeAnswered()
    {
        var draft = await f.CourseAsync(published: false);
        var client = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/learn/courses/{draft.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(draft.LessonUrl(1))).StatusCode);
        var token = Http.Token(await client.HtmlAsync("/learn"));
        var post = await client.PostQuizWithTokenAsync(draft.LessonUrl(1), token, await f.AnswersAsync(draft.Id, 1));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Guide_Published_ShowsReadingTimeReviewDateAndTakePartLinksToVisibleProcessesOnly()
    {
        var guide = await f.GuideAsync(title: "Как да предложите");
        var live = await f.ProcessAsync(title: "Жив процес " + guide.Slug);
        var draft = await f.ProcessAsync(published: false, title: "Скрит процес " + guide.Slug);
        await f.DbAsync(async db =>
        {
            db.AddRange(new GuideProcess { GuideId = guide.Id, ProcessId = live.Id }, new GuideProcess { GuideId = guide.Id, ProcessId = draft.Id });
            return await db.SaveChangesAsync();
        });
        var html = await f.Browser().HtmlAsync($"/learn/guides/{guide.Slug}");
        Assert.Contains("Как да предложите", html, StringComparison.Ordinal);
        Assert.Contains("1 мин. четене", html, StringComparison.Ordinal);
        Assert.Contains("Участвайте сега", html, StringComparison.Ordinal);
        Assert.Contains($"/processes/{live.Slug}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Slug, html, StringComparison.Ordinal);
        Assert.Contains("<strong>наръчника</strong>", html, StringComparison.Ordinal);

        var en = await f.Browser("en").HtmlAsync($"/learn/guides/{guide.Slug}");
        Assert.Contains("Guide " + guide.Slug, en, StringComparison.Ordinal);
        Assert.Contains("1 min read", en, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingTime_IsWordCountOverTwoHundredRoundedUp()
    {
        Assert.Equal(1, ReadingTime.Minutes(""));
        Assert.Equal(1, ReadingTime.Minutes(string.Join(' ', Enumerable.Repeat("дума", 200))));
        Assert.Equal(2, ReadingTime.Minutes(string.Join(' ', Enumerable.Repeat("дума", 201))));
        Assert.Equal(3, ReadingTime.Words("## Заглавие - на **урока**"));
    }

    [Fact]
    public async Task Index_FiltersByAudienceAndTopic()
    {
        var citizens = await f.GuideAsync(audience: Audience.Citizens, topic: LearningTopic.OpenData);
        var staff = await f.GuideAsync(audience: Audience.MunicipalStaff, topic: LearningTopic.PersonalData);
        var html = await f.Browser().HtmlAsync("/learn?audience=municipalstaff");
        Assert.Contains(staff.Slug, html, StringComparison.Ordinal);
        Assert.DoesNotContain(citizens.Slug, html, StringComparison.Ordinal);
        html = await f.Browser().HtmlAsync("/learn?topic=opendata");
        Assert.Contains(citizens.Slug, html, StringComparison.Ordinal);
        Assert.DoesNotContain(staff.Slug, html, StringComparison.Ordinal);
        html = await f.Browser().HtmlAsync("/learn?audience=nonsense");
        Assert.Contains(citizens.Slug, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_MoreGuidesAndCourses_RunsTheSameNumberOfQueries()
    {
        await using var solo = new AgoraFactory();
        await solo.InitializeAsync();
        await solo.GuideAsync();
        await solo.CourseAsync();
        var client = solo.Browser();
        await client.GetAsync("/learn");
        solo.Queries.Reset();
        await client.GetAsync("/learn");
        var few = solo.Queries.Count;
        for (var i = 0; i < 6; i++)
        {
            await solo.GuideAsync();
            await solo.CourseAsync(lessons: 1);
        }
        solo.Queries.Reset();
        var html = await client.HtmlAsync("/learn");
        Assert.Equal(few, solo.Queries.Count);
        Assert.True(few <= 3, $"{few} queries");
        Assert.Equal(7, html.Split("/learn/guides/", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public async Task Catalog_PublishedGuides_AreOfferedInBothLanguagesWithoutDrafts()
    {
        var published = await f.GuideAsync();
        var draft = await f.GuideAsync(published: false);
        var entries = await f.InScopeAsync(sp => sp.GetRequiredService<LearningCatalog>().PublishedGuidesAsync());
        var entry = Assert.Single(entries, e => e.Id == published.Id);
        Assert.Equal("Guide " + published.Slug, entry.Title.En);
        Assert.StartsWith("Наръчник", entry.Title.Bg, StringComparison.Ordinal);
        Assert.Equal($"/learn/guides/{published.Slug}", entry.Path);
        Assert.DoesNotContain(entries, e => e.Id == draft.Id);
    }

    [Fact]
    public async Task PersonalData_IncludesProgressAndCertificates()
    {
        var course = await f.CourseAsync(lessons: 1);
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        await client.PostQuizAsync(course.LessonUrl(1), await f.AnswersAsync(course.Id, 1));
        var bytes = await f.InScopeAsync(sp => sp.GetRequiredService<PersonalDataExport>().ExportAsync(user.Id, CancellationToken.None));
        using var json = JsonDocument.Parse(bytes);
        var learning = json.RootElement.GetProperty("learning");
        var enrolment = learning.GetProperty("enrolments")[0];
        Assert.Equal(course.Slug, enrolment.GetProperty("course").GetString());
        Assert.False(string.IsNullOrEmpty(enrolment.GetProperty("certificateCode").GetString()));
        Assert.Equal(1, learning.GetProperty("quizAttempts").GetArrayLength());
    }
}
