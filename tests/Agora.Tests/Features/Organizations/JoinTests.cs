using System.Net;
using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Organizations;

public sealed class JoinTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static Dictionary<string, string> NewOrganizationRequest(string name, string email) => new()
    {
        ["Input.OrganizationChoice"] = "new",
        ["Input.OrganizationName"] = name,
        ["Input.OrganizationKind"] = "Company",
        ["Input.OrganizationWebsite"] = "www.example.org",
        ["Input.Contribution"] = "Данни за трафика и екип от анализатори.",
        ["Input.ContactName"] = "Петя Иванова",
        ["Input.ContactEmail"] = email,
    };

    private async Task<JoinRequest> RequestAsync(Process process, string name, string email, string culture = "bg")
    {
        var response = await f.Browser(culture).PostFormAsync($"/processes/{process.Slug}/join", NewOrganizationRequest(name, email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await f.DbAsync(db => db.Set<JoinRequest>().AsNoTracking().SingleAsync(r => r.ContactEmail == email));
    }

    [Theory]
    [InlineData("bg", "Полето „Име на организацията“ е задължително.", "Полето „Имейл за контакт“ е задължително.", "трябва да е между 10 и 2000 знака")]
    [InlineData("en", "Name of the organisation is required.", "Contact e-mail is required.", "must be between 10 and 2000 characters")]
    public async Task Join_BadInput_IsExplainedInTheUsersLanguageAndNothingSaved(string culture, string name, string email, string length)
    {
        var process = await f.ProcessAsync();
        var client = f.Browser(culture);
        var response = await client.PostFormAsync($"/processes/{process.Slug}/join", new Dictionary<string, string>
        {
            ["Input.OrganizationChoice"] = "new",
            ["Input.Contribution"] = "кратко",
            ["Input.ContactName"] = "Петя",
            ["Input.OrganizationWebsite"] = "ftp://example.org",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains(email, html, StringComparison.Ordinal);
        Assert.Contains(length, html, StringComparison.Ordinal);
        Assert.Contains("value=\"Петя\"", html, StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<JoinRequest>().AnyAsync(r => r.ProcessId == process.Id)));
    }

    [Fact]
    public async Task Join_Anonymous_IsSavedAndAcknowledgedInTheirLanguage()
    {
        var process = await f.ProcessAsync();
        var email = $"join-{Guid.NewGuid():N}@example.org";
        var request = await RequestAsync(process, "Трафик Данни ООД", email, "en");
        Assert.Null(request.UserId);
        Assert.Equal(JoinRequestStatus.Pending, request.Status);
        Assert.Equal("en", request.Culture);
        Assert.Equal("https://www.example.org", request.OrganizationWebsite);
        var mail = await f.LastTo(email);
        Assert.StartsWith("We received your request to take part", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_UnknownOrDraftProcess_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync("/processes/no-such-process/join")).StatusCode);
        var draft = await f.ProcessAsync(published: false);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/processes/{draft.Slug}/join")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/processes/{draft.Slug}/organizations")).StatusCode);
    }

    [Fact]
    public async Task Join_Representative_PicksTheirOrganization_ButNotAnother()
    {
        var process = await f.ProcessAsync();
        var person = await f.PersonAsync();
        var mine = await f.OrganizationAsync();
        var notMine = await f.OrganizationAsync();
        await f.RepresentativeAsync(mine, person);
        var client = await f.SignedInAsync(person);
        var form = await client.HtmlAsync($"/processes/{process.Slug}/join");
        Assert.Contains(person.Email!, form, StringComparison.Ordinal); // prefilled contact
        Assert.Contains(mine.Name.Bg, form, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Input.OrganizationChoice"] = notMine.Id.ToString(),
            ["Input.Contribution"] = "Експертиза по отворени данни.",
            ["Input.ContactName"] = "Иван Тестов",
            ["Input.ContactEmail"] = person.Email!,
        };
        var refused = await client.PostFormAsync($"/processes/{process.Slug}/join", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Изберете организация, която представлявате.", await refused.TextAsync(), StringComparison.Ordinal);

        fields["Input.OrganizationChoice"] = mine.Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/processes/{process.Slug}/join", fields)).StatusCode);
        var saved = await f.DbAsync(db => db.Set<JoinRequest>().SingleAsync(r => r.ProcessId == process.Id));
        Assert.Equal(mine.Id, saved.OrganizationId);
        Assert.Equal(person.Id, saved.UserId);
    }

    [Fact]
    public async Task Review_OnlyThisProcesssAdministratorsAndSiteAdministrators()
    {
        var manager = await f.PersonAsync();
        var process = await f.ProcessAsync(administrator: manager);
        var url = $"/processes/{process.Slug}/join-requests";
        var request = await RequestAsync(process, "Проверка ЕООД", $"r-{Guid.NewGuid():N}@example.org");
        var accept = $"{url}?handler=Accept&id={request.Id}";

        Assert.StartsWith("/account/login", (await f.Browser().GetAsync(url)).Location(), StringComparison.Ordinal);
        var user = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync(url)).StatusCode);
        var representativePerson = await f.PersonAsync();
        await f.RepresentativeAsync(await f.OrganizationAsync(), representativePerson);
        var representative = await f.SignedInAsync(representativePerson);
        Assert.Equal(HttpStatusCode.NotFound, (await representative.GetAsync(url)).StatusCode);
        var otherManager = await f.PersonAsync();
        var otherProcess = await f.ProcessAsync(administrator: otherManager);
        var other = await f.SignedInAsync(otherManager);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        var forged = await other.PostFormAsync($"/processes/{otherProcess.Slug}/join-requests", new Dictionary<string, string>(), accept);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(JoinRequestStatus.Pending, await f.DbAsync(db => db.Set<JoinRequest>().Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));

        var managerClient = await f.SignedInAsync(manager);
        Assert.Contains("Проверка ЕООД", await managerClient.HtmlAsync(url), StringComparison.Ordinal);
        var admin = await f.SignedInAsync(await f.AdministratorAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("bg", "Полето „Причина за отказа“ е задължително.", "не е приета")]
    [InlineData("en", "Reason for declining is required.", "was not accepted")]
    public async Task Decline_NeedsAReason_AndTellsTheRequesterWhy(string culture, string required, string subject)
    {
        var manager = await f.PersonAsync(culture: culture);
        var process = await f.ProcessAsync(administrator: manager);
        var email = $"d-{Guid.NewGuid():N}@example.org";
        var request = await RequestAsync(process, "Отказана ООД", email, culture);
        var client = await f.SignedInAsync(manager, culture);
        var url = $"/processes/{process.Slug}/join-requests";
        var decline = $"{url}?handler=Decline&id={request.Id}";

        var empty = await client.PostFormAsync(url, new Dictionary<string, string> { ["Decline.Reason"] = "  " }, decline);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains(required, await empty.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(JoinRequestStatus.Pending, await f.DbAsync(db => db.Set<JoinRequest>().Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync()));

        var done = await client.PostFormAsync(url, new Dictionary<string, string> { ["Decline.Reason"] = "Извън обхвата на процеса." }, decline);
        Assert.Equal(url, done.Location());
        var row = await f.DbAsync(db => db.Set<JoinRequest>().AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal(JoinRequestStatus.Declined, row.Status);
        var mail = Assert.Single(await f.DeliverAsync(), m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));
        Assert.Contains("Извън обхвата на процеса.", mail.TextBody, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "organization.join.decline" && a.TargetId == process.Id.ToString())));
        Assert.False(await f.DbAsync(db => db.Set<Organization>().AnyAsync(o => o.Name.Bg == "Отказана ООД")));
    }

    [Fact]
    public async Task FullFlow_AskAcceptedAndRepresentativeInvitedToTheNextWorkshop()
    {
        var manager = await f.PersonAsync();
        var process = await f.ProcessAsync(administrator: manager, components: "events,organizations");
        var past = await f.EventAsync(process.Id, TimeSpan.FromDays(-3), title: "Минала среща");
        var draftEvent = await f.EventAsync(process.Id, TimeSpan.FromDays(5), published: false, title: "Чернова");
        var next = await f.EventAsync(process.Id, TimeSpan.FromDays(10), title: "Следваща работна среща");
        var otherProcess = await f.ProcessAsync();
        var elsewhere = await f.EventAsync(otherProcess.Id, TimeSpan.FromDays(10), title: "Друг процес");

        // A signed-in person (English e-mails) asks for a new organisation; the contact is their own address.
        var person = await f.PersonAsync(culture: "en");
        var client = await f.SignedInAsync(person, "en");
        var name = "Градски данни " + Guid.NewGuid().ToString("N")[..4];
        var fields = NewOrganizationRequest(name, person.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/processes/{process.Slug}/join", fields)).StatusCode);
        var request = await f.DbAsync(db => db.Set<JoinRequest>().AsNoTracking().SingleAsync(r => r.ProcessId == process.Id));
        Assert.Equal(person.Id, request.UserId);

        // The process administrator accepts.
        var managerClient = await f.SignedInAsync(manager);
        var url = $"/processes/{process.Slug}/join-requests";
        var accepted = await managerClient.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Accept&id={request.Id}");
        Assert.Equal(url, accepted.Location());

        var organization = await f.DbAsync(db => db.Set<Organization>().AsNoTracking().SingleAsync(o => o.Name.Bg == name));
        Assert.True(organization.Listed);
        Assert.StartsWith("gradski-danni-", organization.Slug, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Set<OrganizationRepresentative>().AnyAsync(r =>
            r.OrganizationId == organization.Id && r.UserId == person.Id && r.Status == RepresentativeStatus.Approved)));
        Assert.True(await f.DbAsync(db => db.Set<ProcessOrganization>().AnyAsync(x => x.ProcessId == process.Id && x.OrganizationId == organization.Id)));
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "organization.join.accept")));
        Assert.Contains(name, await f.Browser().HtmlAsync($"/processes/{process.Slug}/organizations"), StringComparison.Ordinal);

        // Invited once (contact and representative are the same address), in English, to the next published event only.
        var mails = (await f.DeliverAsync()).Where(m => m.To.Mailboxes.Any(b => b.Address == person.Email)).ToList();
        Assert.Contains(mails, m => (m.Subject ?? "").StartsWith("Your request to take part was accepted", StringComparison.Ordinal));
        var invitations = mails.Where(m => (m.Subject ?? "").StartsWith("Invitation:", StringComparison.Ordinal)).ToList();
        var invitation = Assert.Single(invitations);
        Assert.Equal("Invitation: Следваща работна среща (en)", invitation.Subject);
        Assert.Equal("/events/" + next.Id, invitation.Link("/events/" + next.Id));
        Assert.DoesNotContain(mails, m => (m.Subject ?? "").Contains("Минала", StringComparison.Ordinal) || (m.Subject ?? "").Contains("Чернова", StringComparison.Ordinal)
                                          || (m.Subject ?? "").Contains("Друг процес", StringComparison.Ordinal));
        _ = past;
        _ = draftEvent;
        _ = elsewhere;

        // A second representative (Bulgarian) joins later; then a new workshop of the process is published.
        var colleague = await f.PersonAsync(culture: "bg");
        await f.RepresentativeAsync(organization, colleague);
        var later = OrganizationTestData.NewEvent(process.Id, TimeSpan.FromDays(30), title: "Нова работна среща");
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(later);
            foreach (var handler in sp.GetServices<IEventPublishedHandler>())
                await handler.OnEventPublishedAsync(later, CancellationToken.None);
            await db.SaveChangesAsync();
        });
        var all = await f.DeliverAsync();
        var toPerson = all.Where(m => m.To.Mailboxes.Any(b => b.Address == person.Email) && (m.Subject ?? "").Contains("Нова работна среща", StringComparison.Ordinal)).ToList();
        Assert.Equal("Invitation: Нова работна среща (en)", Assert.Single(toPerson).Subject);
        var toColleague = all.Where(m => m.To.Mailboxes.Any(b => b.Address == colleague.Email) && (m.Subject ?? "").Contains("Нова работна среща", StringComparison.Ordinal)).ToList();
        Assert.Equal("Покана: Нова работна среща", Assert.Single(toColleague).Subject);
        Assert.Equal("/events/" + later.Id, toColleague[0].Link("/events/" + later.Id));

        // Publishing the same event again invites nobody twice.
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            foreach (var handler in sp.GetServices<IEventPublishedHandler>())
                await handler.OnEventPublishedAsync(later, CancellationToken.None);
            await db.SaveChangesAsync();
        });
        var again = await f.DeliverAsync();
        Assert.Single(again, m => m.To.Mailboxes.Any(b => b.Address == colleague.Email) && (m.Subject ?? "").Contains("Нова работна среща", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessOrganizationsTab_ListsListedParticipants_AndOffWhenComponentOff()
    {
        var process = await f.ProcessAsync(components: "organizations");
        var listed = await f.OrganizationAsync();
        var unlisted = await f.OrganizationAsync(listed: false);
        await f.DbAsync(async db =>
        {
            db.Add(new ProcessOrganization { ProcessId = process.Id, OrganizationId = listed.Id, JoinedAt = DateTime.UtcNow });
            db.Add(new ProcessOrganization { ProcessId = process.Id, OrganizationId = unlisted.Id, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var html = await f.Browser().HtmlAsync($"/processes/{process.Slug}/organizations");
        Assert.Contains(listed.Name.Bg, html, StringComparison.Ordinal);
        Assert.DoesNotContain(unlisted.Name.Bg, html, StringComparison.Ordinal);
        Assert.Contains($"/processes/{process.Slug}/join", html, StringComparison.Ordinal);
        Assert.DoesNotContain("join-requests", html, StringComparison.Ordinal);

        var off = await f.ProcessAsync(components: "events");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/processes/{off.Slug}/organizations")).StatusCode);
    }

    [Fact]
    public async Task Join_AnonymousPosts_AreRateLimited()
    {
        await using var factory = new AgoraFactory();
        factory.Settings["Agora:RateLimits:AccountPerMinute"] = "2";
        await factory.InitializeAsync();
        var process = await factory.ProcessAsync();
        var client = factory.Browser();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            codes.Add((await client.PostFormAsync($"/processes/{process.Slug}/join", NewOrganizationRequest("Фирма " + i, $"rl{i}@example.org"))).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], codes);
        // Reading the form is never refused.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/processes/{process.Slug}/join")).StatusCode);
    }

    [Fact]
    public async Task Demo_SeedsTheFourteenOrganizationsInTheIccProcess_Idempotently()
    {
        await using var factory = new AgoraFactory();
        await factory.InitializeAsync();
        for (var run = 0; run < 2; run++)
            await factory.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var (organizations, taking, components) = await factory.DbAsync(async db =>
        {
            var process = await db.Set<Process>().SingleAsync(p => p.Slug == ProcessesDemo.IccSlug);
            return (await db.Set<Organization>().CountAsync(o => o.Listed && o.Description.En != ""),
                await db.Set<ProcessOrganization>().CountAsync(x => x.ProcessId == process.Id),
                process.Components);
        });
        Assert.Equal(14, organizations);
        Assert.Equal(14, taking);
        Assert.Contains("organizations", components, StringComparison.Ordinal);
        var html = await factory.Browser("en").HtmlAsync("/organizations/bait");
        Assert.Contains("Bulgarian Association of Information Technologies (BAIT)", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow ugc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalData_IncludesRepresentationAndJoinRequests()
    {
        var process = await f.ProcessAsync();
        var person = await f.PersonAsync();
        var organization = await f.OrganizationAsync();
        await f.RepresentativeAsync(organization, person, RepresentativeStatus.Pending);
        await RequestAsync(process, "Лични данни ООД", person.Email!);
        var json = await f.InScopeAsync(async sp =>
        {
            var export = sp.GetRequiredService<PersonalDataExport>();
            return System.Text.Encoding.UTF8.GetString(await export.ExportAsync(person.Id, CancellationToken.None));
        });
        Assert.Contains("representationRequests", json, StringComparison.Ordinal);
        Assert.Contains("Лични данни ООД", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
    }
}
