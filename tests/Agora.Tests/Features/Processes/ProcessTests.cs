using System.Net;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Processes;

public sealed class ProcessTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static Dictionary<string, string> NewProcessForm(string title, string starts = "2027-01-10", string ends = "2027-03-31") => new()
    {
        ["Input.TitleBg"] = title,
        ["Input.TitleEn"] = "Budget for Studentski",
        ["Input.SummaryBg"] = "Гражданите решават за част от бюджета на района.",
        ["Input.StartsOn"] = starts,
        ["Input.EndsOn"] = ends,
        ["Input.Districts"] = "studentski",
        ["Input.Components"] = "",
    };

    [Fact]
    public async Task List_Anonymous_ShowsPublishedProcessesButNotDrafts()
    {
        var published = await f.ProcessAsync(title: "Публикуван процес за парковете");
        var draft = await f.ProcessAsync(published: false, title: "Чернова за тротоарите");
        var html = await f.Browser().HtmlAsync("/processes");
        Assert.Contains(published.Slug, html, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Slug, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_Published_ShowsPhasesWithTheCurrentOne()
    {
        var process = await f.ProcessAsync();
        var html = await f.Browser().HtmlAsync($"/processes/{process.Slug}");
        Assert.Contains(process.Title.Bg, html, StringComparison.Ordinal);
        Assert.Contains("Оценка на нуждите", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"current\" aria-current=\"step\">", html, StringComparison.Ordinal);
        Assert.Contains("<strong>процеса</strong>", html, StringComparison.Ordinal);
        var en = await f.Browser("en").HtmlAsync($"/processes/{process.Slug}");
        Assert.Contains("Needs assessment", en, StringComparison.Ordinal);
        Assert.Contains("Description of the <strong>process</strong>", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_Draft_IsNotFoundExceptForThoseWhoManageIt()
    {
        var processAdmin = await f.PersonAsync();
        var draft = await f.ProcessAsync(published: false, administrator: processAdmin);
        var path = $"/processes/{draft.Slug}";
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await f.SignedInAsync(await f.PersonAsync())).GetAsync(path)).StatusCode);
        var other = await f.PersonAsync();
        await f.ProcessAsync(published: false, administrator: other);
        Assert.Equal(HttpStatusCode.NotFound, (await (await f.SignedInAsync(other)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await f.SignedInAsync(processAdmin)).GetAsync(path)).StatusCode);
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var adminHtml = await (await f.SignedInAsync(admin)).HtmlAsync(path);
        Assert.Contains("Чернова", adminHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_UnknownSlug_IsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync("/processes/no-such-process")).StatusCode);

    [Fact]
    public async Task New_AnonymousOrPlainUserOrProcessAdministrator_IsRefused()
    {
        var anonymous = await f.Browser().GetAsync("/processes/new");
        Assert.StartsWith("/account/login", anonymous.Location(), StringComparison.Ordinal);
        var user = await f.SignedInAsync(await f.PersonAsync());
        Assert.StartsWith("/account/access-denied", (await user.GetAsync("/processes/new")).Location(), StringComparison.Ordinal);
        var processAdmin = await f.PersonAsync();
        await f.ProcessAsync(administrator: processAdmin);
        var pa = await f.SignedInAsync(processAdmin);
        Assert.StartsWith("/account/access-denied", (await pa.GetAsync("/processes/new")).Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_AdministratorWithoutTwoFactor_IsSentToSetItUp()
    {
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator));
        var response = await client.GetAsync("/processes/new");
        Assert.StartsWith("/account/manage/two-factor?required=True", response.Location(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task New_Administrator_CreatesADraftWithATransliteratedSlugAndAnAuditEntry()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var client = await f.SignedInAsync(admin);
        var title = "Бюджет на Студентски " + Guid.NewGuid().ToString("N")[..6];
        var response = await client.PostFormAsync("/processes/new", NewProcessForm(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var process = await f.DbAsync(db => db.Set<Process>().SingleAsync(p => p.Title.Bg == title));
        Assert.StartsWith("byudzhet-na-studentski-", process.Slug, StringComparison.Ordinal);
        Assert.Equal($"/processes/{process.Slug}/manage", response.Location());
        Assert.False(process.Published);
        Assert.Equal("studentski", process.Scope);
        Assert.Equal(new DateOnly(2027, 1, 10), process.StartsOn);
        Assert.True(await f.DbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "process.create" && a.TargetId == process.Id.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/processes/{process.Slug}")).StatusCode);
    }

    [Theory]
    [InlineData("bg", "Крайната дата трябва да е същата или след началната.")]
    [InlineData("en", "The end date must be on or after the start date.")]
    public async Task New_EndBeforeStart_SaysSoInTheReadersLanguageAndSavesNothing(string culture, string message)
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var client = await f.SignedInAsync(admin, culture);
        var title = "Обратни дати " + Guid.NewGuid().ToString("N")[..6];
        var response = await client.PostFormAsync("/processes/new", NewProcessForm(title, "2027-05-01", "2027-04-01"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{title}\"", html, StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<Process>().AnyAsync(p => p.Title.Bg == title)));
    }

    [Fact]
    public async Task New_MissingFieldsAndTakenSlug_AreReported()
    {
        var existing = await f.ProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var empty = await client.PostFormAsync("/processes/new", new Dictionary<string, string> { ["Input.TitleBg"] = "" });
        var html = await empty.TextAsync();
        Assert.Contains("Полето „Заглавие (български)“ е задължително.", html, StringComparison.Ordinal);
        Assert.Contains("Полето „Начална дата“ е задължително.", html, StringComparison.Ordinal);
        var form = NewProcessForm("Друг процес");
        form["Input.Slug"] = existing.Slug;
        var taken = await client.PostFormAsync("/processes/new", form);
        Assert.Contains("Този адрес вече е зает от друг процес.", await taken.TextAsync(), StringComparison.Ordinal);
        form["Input.Slug"] = "Лош адрес";
        var bad = await client.PostFormAsync("/processes/new", form);
        Assert.Contains("Адресът може да съдържа само малки латински букви", await bad.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manage_ProcessAdministrator_EditsTextsButCannotPublishOrAppointAdministrators()
    {
        var processAdmin = await f.PersonAsync();
        var process = await f.ProcessAsync(published: false, administrator: processAdmin);
        var client = await f.SignedInAsync(processAdmin);
        var page = $"/processes/{process.Slug}/manage";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        var form = NewProcessForm("Ново заглавие от администратора на процеса");
        var saved = await client.PostFormAsync(page, form, page + "?handler=Details");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Ново заглавие от администратора на процеса",
            await f.DbAsync(db => db.Set<Process>().Where(p => p.Id == process.Id).Select(p => p.Title.Bg).SingleAsync()));
        var publish = await client.PostFormAsync(page, new Dictionary<string, string> { ["publish"] = "true" }, page + "?handler=Publish");
        Assert.StartsWith("/account/access-denied", publish.Location(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<Process>().Where(p => p.Id == process.Id).Select(p => p.Published).SingleAsync()));
        var appoint = await client.PostFormAsync(page, new Dictionary<string, string> { ["NewAdministrator.Email"] = processAdmin.Email! }, page + "?handler=AddAdministrator");
        Assert.StartsWith("/account/access-denied", appoint.Location(), StringComparison.Ordinal);
        Assert.Equal(1, await f.DbAsync(db => db.Set<ProcessAdministrator>().CountAsync(a => a.ProcessId == process.Id)));
    }

    [Fact]
    public async Task Manage_SomeoneElse_IsRefused()
    {
        var other = await f.PersonAsync();
        await f.ProcessAsync(administrator: other);
        var published = await f.ProcessAsync();
        var draft = await f.ProcessAsync(published: false);
        var client = await f.SignedInAsync(other);
        var forbidden = await client.GetAsync($"/processes/{published.Slug}/manage");
        Assert.StartsWith("/account/access-denied", forbidden.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/processes/{draft.Slug}/manage")).StatusCode);
        Assert.StartsWith("/account/login", (await f.Browser().GetAsync($"/processes/{published.Slug}/manage")).Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manage_Administrator_PublishesAppointsAndMovesTheCurrentPhase()
    {
        var process = await f.ProcessAsync(published: false);
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var page = $"/processes/{process.Slug}/manage";
        var publish = await client.PostFormAsync(page, new Dictionary<string, string> { ["publish"] = "true" }, page + "?handler=Publish");
        Assert.Equal(page, publish.Location());
        Assert.Equal(HttpStatusCode.OK, (await f.Browser().GetAsync($"/processes/{process.Slug}")).StatusCode);

        var helper = await f.PersonAsync();
        await client.PostFormAsync(page, new Dictionary<string, string> { ["NewAdministrator.Email"] = helper.Email! }, page + "?handler=AddAdministrator");
        var helperClient = await f.SignedInAsync(helper);
        Assert.Equal(HttpStatusCode.OK, (await helperClient.GetAsync(page)).StatusCode);
        var unknown = await client.PostFormAsync(page, new Dictionary<string, string> { ["NewAdministrator.Email"] = "nobody@example.bg" }, page + "?handler=AddAdministrator");
        Assert.Contains("Няма профил с тази електронна поща.", await unknown.TextAsync(), StringComparison.Ordinal);

        var last = process.Phases.Single(p => p.Position == 2);
        await helperClient.PostFormAsync(page, new Dictionary<string, string> { ["phaseId"] = last.Id.ToString() }, page + "?handler=CurrentPhase");
        var current = await f.DbAsync(db => db.Set<Phase>().Where(p => p.ProcessId == process.Id && p.IsCurrent).Select(p => p.Id).ToListAsync());
        Assert.Equal([last.Id], current);
    }

    [Fact]
    public async Task Manage_AddPhase_ValidatesDatesAndKeepsTimelineInDateOrder()
    {
        var process = await f.ProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var page = $"/processes/{process.Slug}/manage";
        var bad = await client.PostFormAsync(page, new Dictionary<string, string>
        {
            ["NewPhase.TitleBg"] = "Обратен етап",
            ["NewPhase.StartsOn"] = "2027-02-01",
            ["NewPhase.EndsOn"] = "2027-01-01",
        }, page + "?handler=AddPhase");
        Assert.Contains("Крайната дата трябва да е същата или след началната.", await bad.TextAsync(), StringComparison.Ordinal);
        var first = process.StartsOn.AddDays(-10);
        var ok = await client.PostFormAsync(page, new Dictionary<string, string>
        {
            ["NewPhase.TitleBg"] = "Подготовка",
            ["NewPhase.StartsOn"] = first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["NewPhase.EndsOn"] = first.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, page + "?handler=AddPhase");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var titles = await f.DbAsync(db => db.Set<Phase>().Where(p => p.ProcessId == process.Id).OrderBy(p => p.Position).Select(p => p.Title.Bg).ToListAsync());
        Assert.Equal(["Подготовка", "Оценка на нуждите", "Предложения", "Решения"], titles);
    }

    [Fact]
    public async Task List_QueryCount_StaysFixedAsProcessesGrow()
    {
        await using var factory = new AgoraFactory();
        await factory.InitializeAsync();
        var client = factory.Browser();
        await factory.ProcessAsync();
        await client.GetAsync("/processes");
        factory.Queries.Reset();
        await client.GetAsync("/processes");
        var few = factory.Queries.Count;
        for (var i = 0; i < 30; i++)
            await factory.ProcessAsync();
        factory.Queries.Reset();
        var html = await client.HtmlAsync("/processes");
        Assert.Equal(few, factory.Queries.Count);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        var second = await client.HtmlAsync("/processes?page=2");
        Assert.Contains("Страница 2 от 3", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }
}
