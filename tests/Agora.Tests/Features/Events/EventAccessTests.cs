using System.Net;
using Agora.Web.Features.Events;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Events;

/// <summary>Records every publication, to show that handlers run once, at the first publication.</summary>
public sealed class RecordingPublishedHandler : IEventPublishedHandler
{
    public static readonly System.Collections.Concurrent.ConcurrentBag<Guid> Published = [];

    public Task OnEventPublishedAsync(Event published, CancellationToken ct)
    {
        Published.Add(published.Id);
        return Task.CompletedTask;
    }
}

public sealed class EventsFactory : AgoraFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddScoped<IEventPublishedHandler, RecordingPublishedHandler>());
    }
}

public sealed class EventAccessTests(EventsFactory f) : IClassFixture<EventsFactory>
{
    private static Dictionary<string, string> Form(string title = "Публично обсъждане на бюджета") => new()
    {
        ["Input.Type"] = "PublicHearing",
        ["Input.TitleBg"] = title,
        ["Input.TitleEn"] = "Budget hearing",
        ["Input.DescriptionBg"] = "Обсъждаме **бюджета**.",
        ["Input.Format"] = "Hybrid",
        ["Input.StartsAt"] = "2027-03-10T18:00",
        ["Input.EndsAt"] = "2027-03-10T20:00",
        ["Input.Venue"] = "Зала „София“",
        ["Input.Address"] = "ул. „Московска“ 33",
        ["Input.District"] = "sredets",
        ["Input.MeetingUrl"] = "https://meet.example.org/budget",
        ["Input.Capacity"] = "50",
        ["Input.Agenda"] = "18:00 Откриване | Opening\n18:15 Изказвания",
    };

    [Fact]
    public async Task NewEvent_Anonymous_IsSentToSignIn()
    {
        var response = await f.Browser().GetAsync("/events/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewEvent_PlainUser_IsForbiddenForStandAloneAndProcessEvents()
    {
        var process = await f.ProcessAsync(components: "events");
        var client = await f.SignedInAsync(await f.PersonAsync());
        Assert.StartsWith("/account/access-denied", (await client.GetAsync("/events/new")).Location(), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", (await client.GetAsync($"/events/new?process={process.Slug}")).Location(), StringComparison.Ordinal);
        var post = await client.PostAsync($"/events/new?process={process.Slug}", new FormUrlEncodedContent(Form()));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(await f.DbAsync(db => db.Set<Event>().AnyAsync(e => e.ProcessId == process.Id)));
    }

    [Fact]
    public async Task ProcessAdministrator_CreatesDraftPublishesOnce_HandlersCalledAndVisibleToAll()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "events", administrator: admin);
        var client = await f.SignedInAsync(admin);
        var created = await client.PostFormAsync($"/events/new?process={process.Slug}", Form());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Location();
        var ev = await f.DbAsync(db => db.Set<Event>().Include(e => e.Agenda).SingleAsync(e => e.ProcessId == process.Id));
        Assert.False(ev.Published);
        Assert.Equal(new DateTime(2027, 3, 10, 16, 0, 0), ev.StartsAt); // 18:00 in Sofia (EET, UTC+2)
        Assert.Equal(2, ev.Agenda.Count);
        Assert.Equal("sredets", ev.District);

        // A draft: invisible to others, listed for the organiser.
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(path)).StatusCode);
        var plain = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("Публично обсъждане на бюджета", await f.Browser().HtmlAsync("/events"), StringComparison.Ordinal);
        Assert.DoesNotContain("Публично обсъждане на бюджета", await f.Browser().HtmlAsync($"/processes/{process.Slug}/events"), StringComparison.Ordinal);
        Assert.Contains("Публично обсъждане на бюджета", await client.HtmlAsync($"/processes/{process.Slug}/events"), StringComparison.Ordinal);

        // Publish: the handlers run once, at the first publication.
        var publish = await client.PostFormAsync(path, new Dictionary<string, string>(), path + "?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains(ev.Id, RecordingPublishedHandler.Published);
        await client.PostFormAsync(path, new Dictionary<string, string>(), path + "?handler=Unpublish");
        await client.PostFormAsync(path, new Dictionary<string, string>(), path + "?handler=Publish");
        Assert.Single(RecordingPublishedHandler.Published, id => id == ev.Id);

        var page = await f.Browser().HtmlAsync(path);
        Assert.Contains("Публично обсъждане на бюджета", page, StringComparison.Ordinal);
        Assert.Contains("<strong>бюджета</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Откриване", page, StringComparison.Ordinal);
        Assert.Contains("Публично обсъждане на бюджета", await f.Browser().HtmlAsync("/events"), StringComparison.Ordinal);
        // Only the organiser may publish.
        var refused = await plain.PostFormAsync(path, new Dictionary<string, string>(), path + "?handler=Unpublish");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(await f.DbAsync(db => db.Set<Event>().Where(e => e.Id == ev.Id).Select(e => e.Published).SingleAsync()));
    }

    [Fact]
    public async Task AdministratorOfAnotherProcess_CannotSeeDraftsOrEdit()
    {
        var process = await f.ProcessAsync(components: "events", administrator: await f.PersonAsync());
        var draft = await f.EventAsync(process.Id, published: false);
        var published = await f.EventAsync(process.Id);
        var otherAdmin = await f.PersonAsync();
        await f.ProcessAsync(components: "events", administrator: otherAdmin);
        var client = await f.SignedInAsync(otherAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{draft.Id}/edit")).StatusCode);
        Assert.StartsWith("/account/access-denied", (await client.GetAsync($"/events/{published.Id}/edit")).Location(), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", (await client.GetAsync($"/events/{published.Id}/registrations")).Location(), StringComparison.Ordinal);
        Assert.StartsWith("/account/access-denied", (await client.GetAsync($"/events/new?process={process.Slug}")).Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteAdministrator_CreatesStandAloneEventAndSeesAllDrafts()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var client = await f.SignedInAsync(admin);
        var process = await f.ProcessAsync(components: "events");
        var draft = await f.EventAsync(process.Id, published: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/events/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/events/{draft.Id}/edit")).StatusCode);

        var created = await client.PostFormAsync("/events/new", Form("Самостоятелно събитие на общината"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var ev = await f.DbAsync(db => db.Set<Event>().SingleAsync(e => e.Title.Bg == "Самостоятелно събитие на общината"));
        Assert.Null(ev.ProcessId);

        // Editing bumps the calendar sequence.
        var fields = Form("Самостоятелно събитие на общината (ново)");
        var edited = await client.PostFormAsync($"/events/{ev.Id}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await f.DbAsync(db => db.Set<Event>().Include(e => e.Agenda).SingleAsync(e => e.Id == ev.Id));
        Assert.Equal("Самостоятелно събитие на общината (ново)", after.Title.Bg);
        Assert.Equal(1, after.Sequence);
        Assert.Equal(2, after.Agenda.Count);
    }

    [Fact]
    public async Task PublishedEvent_OfUnpublishedProcess_IsInvisibleEverywhere()
    {
        var process = await f.ProcessAsync(published: false, components: "events");
        var ev = await f.EventAsync(process.Id, title: "Събитие на скрит процес");
        var client = f.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{ev.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{ev.Id}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/processes/{process.Slug}/events")).StatusCode);
        Assert.DoesNotContain("Събитие на скрит процес", await client.HtmlAsync("/events"), StringComparison.Ordinal);
        Assert.DoesNotContain(ev.Id.ToString(), await client.HtmlAsync("/events.ics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEvent_Is404()
    {
        var client = f.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{Guid.NewGuid()}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/events/{Guid.NewGuid()}/documents/{Guid.NewGuid()}")).StatusCode);
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/events/{Guid.NewGuid()}/edit")).StatusCode);
    }

    [Fact]
    public async Task Drafts_AreNotInTheCalendarFeed()
    {
        var draft = await f.EventAsync(published: false);
        var published = await f.EventAsync();
        var feed = await f.Browser().HtmlAsync("/events.ics");
        Assert.Contains($"UID:{published.Id:D}@", feed, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Id.ToString("D"), feed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/events/{draft.Id}.ics")).StatusCode);
    }

    [Theory]
    [InlineData("Input.EndsAt", "2027-03-10T17:00", "Краят трябва да е след началото")]
    [InlineData("Input.RegistrationClosesAt", "2027-03-11T09:00", "Записването трябва да приключи преди началото")]
    [InlineData("Input.Capacity", "0", "Броят места трябва да е поне 1")]
    [InlineData("Input.District", "atlantis", "Изберете район от списъка")]
    public async Task Save_InvalidInput_ShowsLocalizedMessageAndKeepsInput(string field, string value, string message)
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "events", administrator: admin);
        var client = await f.SignedInAsync(admin);
        var fields = Form("Събитие с грешка");
        fields[field] = value;
        var response = await client.PostFormAsync($"/events/new?process={process.Slug}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Събитие с грешка", html, StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<Event>().AnyAsync(e => e.ProcessId == process.Id)));
    }

    [Fact]
    public async Task Save_MorePlaces_PromotesWaitingAndFewerThanRegisteredIsRefused()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "events", administrator: admin);
        var ev = await f.EventAsync(process.Id, capacity: 1);
        var organiser = await f.SignedInAsync(admin);
        var waiting = await f.PersonAsync();
        await (await f.SignedInAsync(await f.PersonAsync())).RegisterAsync(ev.Id);
        await (await f.SignedInAsync(waiting)).RegisterAsync(ev.Id);

        var fields = Form("Събитие с повече места");
        fields["Input.Capacity"] = "2";
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.PostFormAsync($"/events/{ev.Id}/edit", fields)).StatusCode);
        Assert.Equal(RegistrationStatus.Registered, await f.DbAsync(db => db.Set<EventRegistration>()
            .Where(r => r.UserId == waiting.Id).Select(r => r.Status).SingleAsync()));

        fields["Input.Capacity"] = "1";
        var refused = await organiser.PostFormAsync($"/events/{ev.Id}/edit", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("вече записаните (2)", await refused.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_InvalidInputInEnglish_ShowsEnglishMessage()
    {
        var admin = await f.PersonAsync(culture: "en");
        var process = await f.ProcessAsync(components: "events", administrator: admin);
        var client = await f.SignedInAsync(admin, "en");
        var fields = Form();
        fields["Input.EndsAt"] = "2027-03-10T10:00";
        var response = await client.PostFormAsync($"/events/new?process={process.Slug}", fields);
        Assert.Contains("The end must be after the start.", await response.TextAsync(), StringComparison.Ordinal);
    }
}
