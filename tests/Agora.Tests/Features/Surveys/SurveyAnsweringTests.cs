using System.Net;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using static Agora.Tests.Features.Surveys.SurveyTestKit;

namespace Agora.Tests.Features.Surveys;

public sealed class SurveyAnsweringTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private async Task<(TestSurvey S, SurveyQuestion Needs, SurveyQuestion Why, SurveyQuestion Age)> ConditionalSurveyAsync(
        SurveyAudience audience = SurveyAudience.Everyone)
    {
        var p = await f.ProcessAsync(components: "surveys");
        var s = new TestSurvey(p);
        s.Survey.Audience = audience;
        var needs = s.Add(QuestionType.MultipleChoice, "Кои нужди?", required: true, "Отворени данни", "Обучения", "Информация");
        needs.Max = 2;
        var why = s.Add(QuestionType.LongText, "Кои данни?", required: true);
        why.ConditionQuestionId = needs.Id;
        why.ConditionOptionId = s.Option(needs, "Отворени данни").Id;
        var age = s.Add(QuestionType.Number, "На колко години сте?");
        age.Min = 14;
        age.Max = 120;
        await s.SaveAsync(f);
        return (s, needs, why, age);
    }

    [Fact]
    public async Task Conditional_HiddenQuestionIsNotRequiredAndItsAnswerIsDropped()
    {
        var (s, needs, why, _) = await ConditionalSurveyAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());

        var page = await client.HtmlAsync(s.Url());
        Assert.Contains("Отговорете само ако сте избрали „Отворени данни“ във въпрос 1.", page, StringComparison.Ordinal);

        // "Обучения" does not meet the condition: the required text question is skipped, and what was typed is dropped.
        var response = await client.AnswerAsync(s, (F(needs), s.Option(needs, "Обучения").Id.ToString()), (F(why), "Текст, който не се пази."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var answers = await f.DbAsync(db => db.Set<SurveyAnswer>().Where(a => a.SurveyId == s.Survey.Id).ToListAsync());
        var only = Assert.Single(answers);
        Assert.Equal(s.Option(needs, "Обучения").Id, only.OptionId);
        Assert.DoesNotContain(answers, a => a.QuestionId == why.Id);
    }

    [Fact]
    public async Task Conditional_ShownQuestionIsRequired_AndTheOtherAnswersAreKept()
    {
        var (s, needs, why, age) = await ConditionalSurveyAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        var open = s.Option(needs, "Отворени данни").Id.ToString();

        var response = await client.AnswerAsync(s, (F(needs), open), (F(age), "33"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Този въпрос е задължителен.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{open}\" checked", html, StringComparison.Ordinal);
        Assert.Contains("value=\"33\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == s.Survey.Id)));

        response = await client.AnswerAsync(s, (F(needs), open), (F(why), "Транспорт в реално време."), (F(age), "33"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var texts = await f.DbAsync(db => db.Set<SurveyAnswer>().Where(a => a.QuestionId == why.Id).Select(a => a.Text).ToListAsync());
        Assert.Equal(["Транспорт в реално време."], texts);
    }

    [Fact]
    public async Task BadInput_EachRefusedWithItsMessage_KeepingTheOtherAnswers()
    {
        var p = await f.ProcessAsync(components: "surveys");
        var s = new TestSurvey(p);
        var multi = s.Add(QuestionType.MultipleChoice, "Изберете две", false, "А", "Б", "В");
        multi.Min = 2;
        multi.Max = 2;
        var num = s.Add(QuestionType.Number, "Число", false);
        num.Min = 1;
        num.Max = 10;
        var rank = s.Add(QuestionType.Ranking, "Подредете", false, "X", "Y");
        var single = s.Add(QuestionType.SingleChoice, "Един", true, "Да", "Не");
        var text = s.Add(QuestionType.ShortText, "Име на квартала", false);
        await s.SaveAsync(f);
        var client = await f.SignedInAsync(await f.PersonAsync());

        var response = await client.AnswerAsync(s,
            (F(multi), s.Option(multi, "А").Id.ToString()), (F(multi), s.Option(multi, "Б").Id.ToString()), (F(multi), s.Option(multi, "В").Id.ToString()),
            (F(num), "11"),
            (SurveyDefinition.Field(rank.Id, "1"), s.Option(rank, "X").Id.ToString()), (SurveyDefinition.Field(rank.Id, "2"), s.Option(rank, "X").Id.ToString()),
            (F(single), Guid.NewGuid().ToString()),
            (F(text), "Лозенец"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Изберете най-много 2.", html, StringComparison.Ordinal);
        Assert.Contains("Въведете стойност от 1 до 10.", html, StringComparison.Ordinal);
        Assert.Contains("Един и същ отговор е поставен на две места.", html, StringComparison.Ordinal);
        Assert.Contains("Изберете от предложените отговори.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Лозенец\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"11\"", html, StringComparison.Ordinal);

        // Too few, in English.
        var en = await f.SignedInAsync(await f.PersonAsync(), "en");
        response = await en.AnswerAsync(s, (F(multi), s.Option(multi, "А").Id.ToString()), (F(single), s.Option(single, "Да").Id.ToString()));
        Assert.Contains("Choose at least 2.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == s.Survey.Id)));
    }

    [Fact]
    public async Task Twice_Closed_AndParallelSubmissions_NeverMakeTwoResponses()
    {
        var p = await f.ProcessAsync(components: "surveys");
        var s = new TestSurvey(p);
        var q = s.Add(QuestionType.Scale, "Оценка", true);
        await s.SaveAsync(f);
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);

        var html = await client.HtmlAsync(s.Url());
        var token = Http.Token(html);
        var posts = Enumerable.Range(0, 6).Select(_ => client.PostAsync(s.Url(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            [F(q)] = "4",
        })));
        var results = await Task.WhenAll(posts);
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await f.DbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == s.Survey.Id)));
        Assert.Equal(1, await f.DbAsync(db => db.Set<Survey>().Where(x => x.Id == s.Survey.Id).Select(x => x.ResponseCount).SingleAsync()));

        var again = await client.AnswerAsync(s, (F(q), "5"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Вече сте отговорили на тази анкета.", await client.HtmlAsync(s.Url()), StringComparison.Ordinal);

        // Closed by date: refused with a message, nothing stored.
        await f.DbAsync(db => db.Set<Survey>().Where(x => x.Id == s.Survey.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ClosesAt, DateTime.UtcNow.AddMinutes(-1))));
        var other = await f.SignedInAsync(await f.PersonAsync());
        Assert.Contains("Анкетата е затворена и не приема отговори.", await other.HtmlAsync(s.Url()), StringComparison.Ordinal);
        var refused = await other.AnswerAsync(s, (F(q), "3"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == s.Survey.Id)));
    }

    [Fact]
    public async Task Roles_AnonymousSignedInInviteeAndStakeholderKind()
    {
        // Everyone: an anonymous browser answers once with a token; a representative's answer carries the organisation kind.
        var (open, needs, _, _) = await ConditionalSurveyAsync(SurveyAudience.Everyone);
        var anonymous = f.Browser();
        var response = await anonymous.AnswerAsync(open, (F(needs), open.Option(needs, "Обучения").Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(ConversationService.AnonymousCookie + "=", StringComparison.Ordinal));
        await anonymous.AnswerAsync(open, (F(needs), open.Option(needs, "Информация").Id.ToString()));
        var stored = Assert.Single(await f.DbAsync(db => db.Set<SurveyResponse>().Where(r => r.SurveyId == open.Survey.Id).ToListAsync()));
        Assert.Null(stored.UserId);
        Assert.NotNull(stored.TokenHash);
        Assert.Equal(StakeholderKinds.Unknown, stored.StakeholderKind);

        var rep = await f.PersonAsync();
        await f.DbAsync(async db =>
        {
            var org = new Organization { Slug = "org-" + Guid.NewGuid().ToString("N")[..8], Name = new("НПО", "NGO"), Kind = OrganizationKind.Ngo, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(org);
            db.Add(new OrganizationRepresentative { OrganizationId = org.Id, UserId = rep.Id, Status = RepresentativeStatus.Approved });
            return await db.SaveChangesAsync();
        });
        await (await f.SignedInAsync(rep)).AnswerAsync(open, (F(needs), open.Option(needs, "Обучения").Id.ToString()));
        Assert.Equal("Ngo", await f.DbAsync(db => db.Set<SurveyResponse>().Where(r => r.UserId == rep.Id).Select(r => r.StakeholderKind).SingleAsync()));

        // Signed-in only: an anonymous post is sent to sign in.
        var (signedIn, needs2, _, _) = await ConditionalSurveyAsync(SurveyAudience.SignedIn);
        Assert.Contains("Влезте в профила си, за да отговорите.", await f.Browser().HtmlAsync(signedIn.Url()), StringComparison.Ordinal);
        response = await f.Browser().AnswerAsync(signedIn, (F(needs2), signedIn.Option(needs2, "Обучения").Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Location(), StringComparison.Ordinal);

        // Invitees: the invited address answers, another signed-in person is refused.
        var (invited, needs3, _, _) = await ConditionalSurveyAsync(SurveyAudience.Invitees);
        var guest = await f.PersonAsync();
        await f.DbAsync(async db =>
        {
            db.Add(new SurveyInvitee { SurveyId = invited.Survey.Id, NormalizedEmail = guest.Email!.ToUpperInvariant() });
            return await db.SaveChangesAsync();
        });
        var stranger = await f.SignedInAsync(await f.PersonAsync());
        Assert.Contains("вашият адрес не е сред тях", await stranger.HtmlAsync(invited.Url()), StringComparison.Ordinal);
        await stranger.AnswerAsync(invited, (F(needs3), invited.Option(needs3, "Обучения").Id.ToString()));
        await (await f.SignedInAsync(guest)).AnswerAsync(invited, (F(needs3), invited.Option(needs3, "Обучения").Id.ToString()));
        var respondents = await f.DbAsync(db => db.Set<SurveyResponse>().Where(r => r.SurveyId == invited.Survey.Id).Select(r => r.UserId).ToListAsync());
        Assert.Equal([guest.Id], respondents);
    }

    [Fact]
    public async Task Roles_DraftsResultsAndExportsFollowTheAdministratorsFlags()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "surveys", administrator: admin);
        var s = new TestSurvey(p);
        s.Survey.Published = false;
        s.Add(QuestionType.Scale, "Оценка", true);
        await s.SaveAsync(f);
        var adminClient = await f.SignedInAsync(admin);
        var someone = await f.SignedInAsync(await f.PersonAsync());
        var anonymous = f.Browser();

        Assert.Equal(HttpStatusCode.NotFound, (await someone.GetAsync(s.Url())).StatusCode);
        Assert.Contains("Това е чернова: публикувайте анкетата, за да приема отговори.", await adminClient.HtmlAsync(s.Url()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await someone.GetAsync(s.Url("/build"))).StatusCode);

        await f.DbAsync(db => db.Set<Survey>().Where(x => x.Id == s.Survey.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Published, true)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(s.Url())).StatusCode);
        Assert.StartsWith("/account/access-denied", (await someone.GetAsync(s.Url("/build"))).Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(s.Url("/results"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await someone.GetAsync(s.Url("/export.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync(s.Url("/results"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync(s.Url("/export.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync(s.Url("/build"))).StatusCode);

        await f.DbAsync(db => db.Set<Survey>().Where(x => x.Id == s.Survey.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ResultsPublic, true)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(s.Url("/results"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(s.Url("/export.json"))).StatusCode);
        await f.DbAsync(db => db.Set<Survey>().Where(x => x.Id == s.Survey.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AnswersPublic, true)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(s.Url("/export.json"))).StatusCode);

        // The component switched off: 404 for everyone.
        var off = await f.ProcessAsync(components: "", administrator: admin);
        Assert.Equal(HttpStatusCode.NotFound, (await adminClient.GetAsync($"/processes/{off.Slug}/surveys")).StatusCode);
    }

    [Fact]
    public async Task PersonalData_IncludesTheSignedInPersonsAnswers()
    {
        var (s, needs, _, age) = await ConditionalSurveyAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        await client.AnswerAsync(s, (F(needs), s.Option(needs, "Обучения").Id.ToString()), (F(age), "41"));
        var download = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>(), "/account/manage/personal-data?handler=Download");
        var json = await download.Content.ReadAsStringAsync();
        Assert.Contains("\"surveyResponses\"", json, StringComparison.Ordinal);
        Assert.Contains("Тестова анкета", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        Assert.Contains("41", json, StringComparison.Ordinal);
    }
}
