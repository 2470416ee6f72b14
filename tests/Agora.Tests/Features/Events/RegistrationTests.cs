using System.Net;
using Agora.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Agora.Tests.Features.Events;

public sealed class RegistrationTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Register_TwentyPeopleAtOnceForFivePlaces_NeverExceedsCapacity()
    {
        var ev = await f.EventAsync(capacity: 5);
        var people = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
            people.Add(await f.SignedInAsync(await f.PersonAsync()));
        // Tokens first, then every POST at once.
        var tokens = new List<string>();
        foreach (var c in people)
            tokens.Add(Http.Token(await (await c.GetAsync($"/events/{ev.Id}")).Content.ReadAsStringAsync()));
        var responses = await Task.WhenAll(people.Select((c, i) => c.PostAsync($"/events/{ev.Id}?handler=Register",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[i] }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var (registered, waiting, counters) = await f.DbAsync(async db => (
            await db.Set<EventRegistration>().CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Registered),
            await db.Set<EventRegistration>().CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waiting),
            await db.Set<Event>().Where(e => e.Id == ev.Id).Select(e => new { e.RegisteredCount, e.WaitingCount }).SingleAsync()));
        Assert.Equal(5, registered);
        Assert.Equal(15, waiting);
        Assert.Equal(5, counters.RegisteredCount);
        Assert.Equal(15, counters.WaitingCount);
    }

    [Fact]
    public async Task Register_SamePersonTwiceAtOnce_KeepsOneRegistration()
    {
        var ev = await f.EventAsync(capacity: 10);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var token = Http.Token(await (await client.GetAsync($"/events/{ev.Id}")).Content.ReadAsStringAsync());
        var posts = Enumerable.Range(0, 5).Select(_ => client.PostAsync($"/events/{ev.Id}?handler=Register",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await f.DbAsync(db => db.Set<EventRegistration>().CountAsync(r => r.EventId == ev.Id)));
        Assert.Equal(1, await f.DbAsync(db => db.Set<Event>().Where(e => e.Id == ev.Id).Select(e => e.RegisteredCount).SingleAsync()));

        await client.RegisterAsync(ev.Id);
        Assert.Contains("Вече сте записани", await client.HtmlAsync($"/events/{ev.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_SignedIn_SendsConfirmationInPreferredCultureWithIcs()
    {
        var ev = await f.EventAsync(capacity: 3, title: "Работна среща за тест");
        var person = await f.PersonAsync(culture: "en");
        var client = await f.SignedInAsync(person);
        var response = await client.RegisterAsync(ev.Id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Записани сте", await client.HtmlAsync($"/events/{ev.Id}"), StringComparison.Ordinal);

        var mail = (await f.DeliverAsync()).Single(m => m.To.Mailboxes.Any(b => b.Address == person.Email));
        Assert.StartsWith("Registration:", mail.Subject, StringComparison.Ordinal);
        var ics = mail.Attachments.OfType<MimePart>().Single(a => a.FileName == "event.ics");
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("BEGIN:VEVENT", text, StringComparison.Ordinal);
        Assert.Contains($"UID:{ev.Id:D}@", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_RegisteredPerson_PromotesFirstWaitingAndTellsThem()
    {
        var ev = await f.EventAsync(capacity: 1);
        var first = await f.PersonAsync();
        var second = await f.PersonAsync();
        var third = await f.PersonAsync();
        var c1 = await f.SignedInAsync(first);
        var c2 = await f.SignedInAsync(second);
        var c3 = await f.SignedInAsync(third);
        await c1.RegisterAsync(ev.Id);
        await c2.RegisterAsync(ev.Id);
        await c3.RegisterAsync(ev.Id);
        Assert.Contains("списъка на чакащите", await c2.HtmlAsync($"/events/{ev.Id}"), StringComparison.Ordinal);

        var cancel = await c1.CancelAsync(ev.Id);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        var statuses = await f.DbAsync(db => db.Set<EventRegistration>().Where(r => r.EventId == ev.Id)
            .ToDictionaryAsync(r => r.UserId, r => r.Status));
        Assert.False(statuses.ContainsKey(first.Id));
        Assert.Equal(RegistrationStatus.Registered, statuses[second.Id]);
        Assert.Equal(RegistrationStatus.Waiting, statuses[third.Id]);
        var counters = await f.DbAsync(db => db.Set<Event>().Where(e => e.Id == ev.Id).Select(e => new { e.RegisteredCount, e.WaitingCount }).SingleAsync());
        Assert.Equal(1, counters.RegisteredCount);
        Assert.Equal(1, counters.WaitingCount);

        // The pickup folder does not keep order: find the message by subject.
        var mail = (await f.DeliverAsync()).Single(m => m.To.Mailboxes.Any(b => b.Address == second.Email)
            && m.Subject?.StartsWith("Имате място", StringComparison.Ordinal) == true);
        Assert.Contains(mail.Attachments.OfType<MimePart>(), a => a.FileName == "event.ics");
        Assert.Contains("Записани сте", await c2.HtmlAsync($"/events/{ev.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_WaitingPerson_LeavesPlacesAlone()
    {
        var ev = await f.EventAsync(capacity: 1);
        var c1 = await f.SignedInAsync(await f.PersonAsync());
        var c2 = await f.SignedInAsync(await f.PersonAsync());
        await c1.RegisterAsync(ev.Id);
        await c2.RegisterAsync(ev.Id);
        await c2.CancelAsync(ev.Id);
        var counters = await f.DbAsync(db => db.Set<Event>().Where(e => e.Id == ev.Id).Select(e => new { e.RegisteredCount, e.WaitingCount }).SingleAsync());
        Assert.Equal(1, counters.RegisteredCount);
        Assert.Equal(0, counters.WaitingCount);
    }

    [Fact]
    public async Task Register_AfterRegistrationCloses_IsRefused()
    {
        var ev = await f.EventAsync(capacity: 10, startsAt: DateTime.UtcNow.AddDays(1), closesAt: DateTime.UtcNow.AddMinutes(-5));
        var client = await f.SignedInAsync(await f.PersonAsync());
        var page = await client.HtmlAsync($"/events/{ev.Id}");
        Assert.Contains("Записването е приключило", page, StringComparison.Ordinal);
        // A hand-made POST is refused too.
        var response = await client.PostFormAsync($"/events/{ev.Id}", new Dictionary<string, string>(), $"/events/{ev.Id}?handler=Register");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Записването за това събитие е приключило", await client.HtmlAsync(response.Location()), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<EventRegistration>().CountAsync(r => r.EventId == ev.Id)));
    }

    [Fact]
    public async Task Register_Anonymous_IsSentToSignIn()
    {
        var ev = await f.EventAsync();
        var client = f.Browser();
        var page = await client.HtmlAsync($"/events/{ev.Id}");
        Assert.Contains("Влезте, за да се запишете", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingLink_ShownOnlyToRegisteredFromAnHourBefore()
    {
        const string link = "https://meet.example.org/secret-room";
        var soon = await f.EventAsync(format: EventFormat.Online, meetingUrl: link, startsAt: DateTime.UtcNow.AddMinutes(30));
        var later = await f.EventAsync(format: EventFormat.Online, meetingUrl: link, startsAt: DateTime.UtcNow.AddDays(2));
        var registered = await f.SignedInAsync(await f.PersonAsync());
        var other = await f.SignedInAsync(await f.PersonAsync());
        await registered.RegisterAsync(soon.Id);
        await registered.RegisterAsync(later.Id);

        Assert.Contains(link, await registered.HtmlAsync($"/events/{soon.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await registered.HtmlAsync($"/events/{later.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await other.HtmlAsync($"/events/{soon.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await f.Browser().HtmlAsync($"/events/{soon.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await f.Browser().HtmlAsync($"/events/{soon.Id}.ics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalData_IncludesRegistrations()
    {
        var ev = await f.EventAsync(title: "Събитие за личните данни");
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        await client.RegisterAsync(ev.Id);
        var download = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>(), "/account/manage/personal-data?handler=Download");
        var json = await download.Content.ReadAsStringAsync();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var regs = doc.RootElement.GetProperty("eventRegistrations");
        Assert.Equal(1, regs.GetArrayLength());
        Assert.Equal("Събитие за личните данни", regs[0].GetProperty("eventTitle").GetString());
    }
}
