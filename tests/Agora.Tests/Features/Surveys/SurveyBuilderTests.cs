using System.Net;
using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Surveys;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Surveys;

public sealed class SurveyBuilderTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Administrator_BuildsAConditionalSurveyWithForms_PublishesIt_AndAnswersFreezeTheQuestions()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "surveys", administrator: admin);
        var client = await f.SignedInAsync(admin);
        var list = $"/processes/{p.Slug}/surveys";

        // A non-administrator cannot create.
        var someone = await f.SignedInAsync(await f.PersonAsync());
        var forbidden = await someone.PostFormAsync(list, new Dictionary<string, string> { ["Create.TitleBg"] = "Не" });
        Assert.StartsWith("/account/access-denied", forbidden.Location(), StringComparison.Ordinal);

        var created = await client.PostFormAsync(list, new Dictionary<string, string> { ["Create.TitleBg"] = "Анкета", ["Create.TitleEn"] = "Survey" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var build = created.Location();
        Assert.EndsWith("/build", build, StringComparison.Ordinal);
        var surveyId = await f.DbAsync(db => db.Set<Survey>().Where(s => s.ProcessId == p.Id).Select(s => s.Id).SingleAsync());

        async Task<HttpResponseMessage> AddAsync(Dictionary<string, string> fields) => await client.PostFormAsync(build, fields, build + "?handler=Question");

        // Too few options: refused with the message, the typed text kept.
        var refused = await AddAsync(new() { ["Question.Type"] = "SingleChoice", ["Question.TextBg"] = "Участвате ли?", ["Question.Options"] = "Да | Yes" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.TextAsync();
        Assert.Contains("Въведете поне два отговора, по един на ред.", html, StringComparison.Ordinal);
        Assert.Contains("Участвате ли?", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Settings.TitleBg\" value=\"Анкета\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(new() { ["Question.Type"] = "Section", ["Question.TextBg"] = "За вас" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(new()
        {
            ["Question.Type"] = "SingleChoice",
            ["Question.TextBg"] = "Участвате ли?",
            ["Question.TextEn"] = "Do you take part?",
            ["Question.Required"] = "true",
            ["Question.Options"] = "Да | Yes\nНе | No",
        })).StatusCode);
        var yes = await f.DbAsync(db => db.Set<SurveyOption>().Where(o => o.SurveyId == surveyId && o.Text.Bg == "Да").Select(o => new { o.Id, o.QuestionId }).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(new()
        {
            ["Question.Type"] = "LongText",
            ["Question.TextBg"] = "Как?",
            ["Question.Required"] = "true",
            ["Question.Condition"] = $"{yes.QuestionId}:{yes.Id}",
        })).StatusCode);
        // A forged condition (an option of no earlier question) is refused.
        refused = await AddAsync(new() { ["Question.Type"] = "ShortText", ["Question.TextBg"] = "X", ["Question.Condition"] = $"{yes.QuestionId}:{Guid.NewGuid()}" });
        Assert.Contains("Изберете отговор от по-ранен въпрос с избор.", await refused.TextAsync(), StringComparison.Ordinal);

        var items = await f.DbAsync(db => db.Set<SurveyQuestion>().Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).ToListAsync());
        Assert.Equal([QuestionType.Section, QuestionType.SingleChoice, QuestionType.LongText], items.Select(i => i.Type));
        Assert.Equal(yes.Id, items[2].ConditionOptionId);

        // Moving the conditional question above its condition is refused; moving the section down works.
        await client.PostFormAsync(build, new Dictionary<string, string> { ["item"] = items[2].Id.ToString(), ["up"] = "true" }, build + "?handler=Move");
        await client.PostFormAsync(build, new Dictionary<string, string> { ["item"] = items[2].Id.ToString(), ["up"] = "true" }, build + "?handler=Move");
        Assert.Contains("Въпросът не може да бъде преместен", await client.HtmlAsync(build), StringComparison.Ordinal);
        await client.PostFormAsync(build, new Dictionary<string, string> { ["item"] = items[0].Id.ToString(), ["up"] = "false" }, build + "?handler=Move");
        var order = await f.DbAsync(db => db.Set<SurveyQuestion>().Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).Select(q => q.Type).ToListAsync());
        Assert.Equal([QuestionType.SingleChoice, QuestionType.Section, QuestionType.LongText], order);

        // Publish; then a response freezes the questions.
        await client.PostFormAsync(build, new Dictionary<string, string>(), build + "?handler=Publish");
        var survey = $"/processes/{p.Slug}/surveys/{surveyId}";
        var answered = await someone.PostFormAsync(survey, new Dictionary<string, string>
        {
            [SurveyDefinition.Field(yes.QuestionId)] = yes.Id.ToString(),
            [SurveyDefinition.Field(items[2].Id)] = "Активно.",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        await client.PostFormAsync(build, new Dictionary<string, string> { ["item"] = items[0].Id.ToString() }, build + "?handler=Delete");
        Assert.Contains("Анкетата вече има отговори", await client.HtmlAsync(build), StringComparison.Ordinal);
        Assert.Equal(3, await f.DbAsync(db => db.Set<SurveyQuestion>().CountAsync(q => q.SurveyId == surveyId)));

        // Still closable.
        await client.PostFormAsync(build, new Dictionary<string, string>(), build + "?handler=Close");
        Assert.True(await f.DbAsync(db => db.Set<Survey>().Where(s => s.Id == surveyId).Select(s => s.Closed).SingleAsync()));
    }

    [Fact]
    public async Task Settings_TieToAnEventOfTheProcess_InviteesAndFlags()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "surveys", administrator: admin);
        var s = new TestSurvey(p);
        s.Add(QuestionType.Scale, "Оценка");
        await s.SaveAsync(f);
        var ev = new Event { ProcessId = p.Id, Title = new("Среща", "Meeting"), StartsAt = DateTime.UtcNow.AddDays(3), EndsAt = DateTime.UtcNow.AddDays(3).AddHours(2), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await f.DbAsync(async db => { db.Add(ev); return await db.SaveChangesAsync(); });
        var client = await f.SignedInAsync(admin);
        var build = s.Url("/build");
        var fields = new Dictionary<string, string>
        {
            ["Settings.TitleBg"] = "Анкета",
            ["Settings.Audience"] = "Invitees",
            ["Settings.EventId"] = ev.Id.ToString(),
            ["Settings.ResultsPublic"] = "true",
            ["Settings.Invitees"] = "not-an-address",
        };
        var refused = await client.PostFormAsync(build, fields, build + "?handler=Settings");
        Assert.Contains("„not-an-address“ не е валиден адрес на е-поща.", await refused.TextAsync(), StringComparison.Ordinal);
        fields["Settings.Invitees"] = "ana@example.bg\nBoris@Example.bg, ana@example.bg";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(build, fields, build + "?handler=Settings")).StatusCode);
        var stored = await f.DbAsync(db => db.Set<Survey>().AsNoTracking().SingleAsync(x => x.Id == s.Survey.Id));
        Assert.Equal((SurveyAudience.Invitees, ev.Id, true, false), (stored.Audience, stored.EventId, stored.ResultsPublic, stored.AnswersPublic));
        var invitees = await f.DbAsync(db => db.Set<SurveyInvitee>().Where(i => i.SurveyId == s.Survey.Id).OrderBy(i => i.NormalizedEmail).Select(i => i.NormalizedEmail).ToListAsync());
        Assert.Equal(["ANA@EXAMPLE.BG", "BORIS@EXAMPLE.BG"], invitees);
    }

    [Fact]
    public async Task DemoSeed_AddsTheStakeholderSurveyToTheIccProcess_TiedToTheWorkshop_Idempotently()
    {
        await using var demo = new AgoraFactory();
        await demo.InitializeAsync();
        await demo.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        await demo.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var survey = await demo.DbAsync(db => db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == SurveysDemo.SurveyId));
        Assert.Equal(EventsDemo.NeedsAssessmentId, survey.EventId);
        Assert.Equal(20, await demo.DbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey.Id)));
        Assert.True(await demo.DbAsync(db => db.Set<SurveyQuestion>().AnyAsync(q => q.SurveyId == survey.Id && q.ConditionOptionId != null)));
        var client = demo.Browser("en");
        var url = $"/processes/{ProcessesDemo.IccSlug}/surveys/{survey.Id}";
        var page = await client.HtmlAsync(url);
        Assert.Contains("Stakeholder survey: e-government", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/events/{EventsDemo.NeedsAssessmentId}\">Needs Assessment Workshop", page, StringComparison.Ordinal);
        Assert.Contains("Answer only if you chose “Open data” in question 2.", page, StringComparison.Ordinal);
        Assert.Contains("Анкета за заинтересованите страни", await demo.Browser().HtmlAsync(url + "/results"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_AreMailedOncePerInvitee_InTheirLanguage_AndLeadToTheSurvey()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "surveys", administrator: admin);
        var s = new TestSurvey(p);
        s.Survey.Audience = SurveyAudience.Invitees;
        var q = s.Add(QuestionType.Scale, "Оценка", true);
        await s.SaveAsync(f);
        var english = await f.PersonAsync(culture: "en");
        var stranger = "new" + Guid.NewGuid().ToString("N")[..6] + "@example.bg";
        var client = await f.SignedInAsync(admin);
        var build = s.Url("/build");
        await client.PostFormAsync(build, new Dictionary<string, string>
        {
            ["Settings.TitleBg"] = "Тестова анкета",
            ["Settings.TitleEn"] = "Test survey",
            ["Settings.Audience"] = "Invitees",
            ["Settings.Invitees"] = english.Email + "\n" + stranger,
        }, build + "?handler=Settings");

        await client.PostFormAsync(build, new Dictionary<string, string>(), build + "?handler=Invite");
        await client.PostFormAsync(build, new Dictionary<string, string>(), build + "?handler=Invite");
        var mail = (await f.DeliverAsync()).Where(m => (m.Subject ?? "").Contains("Test survey", StringComparison.Ordinal) || (m.Subject ?? "").Contains("Тестова анкета", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mail.Count);
        var toEnglish = Assert.Single(mail, m => m.To.Mailboxes.Single().Address == english.Email);
        Assert.Equal("Invitation to a survey: Test survey", toEnglish.Subject);
        Assert.Equal("Покана за анкета: Тестова анкета", Assert.Single(mail, m => m.To.Mailboxes.Single().Address == stranger).Subject);

        var invited = await f.SignedInAsync(english);
        var response = await invited.AnswerAsync(s, (SurveyTestKit.F(q), "5"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == s.Survey.Id && r.UserId == english.Id)));
        Assert.Equal(s.Url(), toEnglish.Link(s.Url()));
    }
}
