using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>The modules' journeys on the Sofia demo: workshops, joining as an organisation, the opinion map,
/// and reading the registry, news and learning pages — in both languages.</summary>
public sealed class ModuleJourneyTests(BrowserApp app)
{
    private const string Icc = ProcessesDemo.IccSlug;

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Workshop_RegisterGetTheCalendarFileAndCancel(string culture, Way way)
    {
        var journey = Journeys.Name("events", culture, way);
        var en = culture == "en";
        var (context, p, email) = await app.ResidentAsync(culture, way, en ? "Event Goer" : "Гост Събитие");
        await using var _ = context;
        await p.GoAsync(journey, "/events");
        await p.GoAsync(journey, "/events?when=past");
        await p.GoAsync(journey, $"/events/{EventsDemo.NeedsAssessmentId}");
        await p.GoAsync(journey, $"/processes/{Icc}/events");
        await p.PressAsync(p.Locator($"main a[href='/events/{EventsDemo.HearingId}']").First);
        await p.AuditAsync(journey);
        var registerButton = p.Locator("form[action*='handler=Register'] button");
        await Assertions.Expect(registerButton).ToHaveTextAsync(en ? "Register" : "Записване");
        await p.PressAsync(registerButton);
        await p.StatusIsAnnouncedAsync(en ? "You are registered" : "Записахте се");
        var cancelButton = p.Locator("form[action*='handler=Cancel'] button");
        await Assertions.Expect(cancelButton).ToHaveTextAsync(en ? "Cancel my registration" : "Отказване от записването");
        await p.AuditAsync(journey);
        var mail = await app.WaitForMailAsync(email, $"/events/{EventsDemo.HearingId}");
        Assert.NotEmpty(mail);
        await p.PressAsync(cancelButton);
        await Assertions.Expect(registerButton).ToBeVisibleAsync();
        await p.AuditAsync(journey);
        var ics = await p.Page.APIRequest.GetAsync($"/events/{EventsDemo.HearingId}.ics");
        Assert.Equal(200, ics.Status);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", await ics.TextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Organisation_AsksToJoinTheProcess(string culture, Way way)
    {
        var journey = Journeys.Name("join", culture, way);
        var contact = $"join-{culture}-{Guid.NewGuid():N}"[..24] + "@example.bg";
        var (context, p) = await app.VisitorAsync(culture, way);
        await using var _ = context;
        await p.GoAsync(journey, $"/processes/{Icc}");
        await p.PressAsync(p.Locator(".join-call a").First);
        await p.Page.WaitForURLAsync($"**/processes/{Icc}/join");
        await p.AuditAsync(journey);
        var submit = p.Locator("main form button[type=submit]");
        await p.PressAsync(submit);
        await Assertions.Expect(p.Locator(".error-summary")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
        await p.FillAsync(p.Locator("#Input_OrganizationName"), "Сдружение „Умна Люлин“");
        await p.SelectAsync(p.Locator("#Input_OrganizationKind"), "ClusterOrAssociation");
        await p.FillAsync(p.Locator("#Input_Contribution"), "Доброволци и опит с квартални срещи в Люлин.");
        await p.FillAsync(p.Locator("#Input_ContactName"), "Петя Маринова");
        await p.FillAsync(p.Locator("#Input_ContactEmail"), contact);
        await p.PressAsync(submit);
        await p.StatusIsAnnouncedAsync(culture == "en" ? "The request has been sent." : "Заявката е изпратена.");
        await p.AuditAsync(journey);
        Assert.NotEmpty(await app.WaitForMailAsync(contact, ""));
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task Conversation_VoteAddAStatementAndReadTheResults(string culture, Way way)
    {
        var journey = Journeys.Name("conversation", culture, way);
        var (context, p, _) = await app.ResidentAsync(culture, way, culture == "en" ? "Voting Resident" : "Гласуващ Жител");
        await using var __ = context;
        await p.GoAsync(journey, $"/processes/{Icc}/conversations");
        await p.PressAsync(p.Locator("main h2 a").First);
        await Assertions.Expect(p.Locator("form.vote-buttons")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
        var statement = await p.Locator("form.vote-buttons input[name=statementId]").GetAttributeAsync("value");
        await p.PressAsync(p.Locator("form.vote-buttons button[value='1']"));
        // The vote posts and the next statement comes back in a new page.
        await Assertions.Expect(p.Locator("form.vote-buttons input[name=statementId]")).Not.ToHaveAttributeAsync("value", statement!);
        await p.AuditAsync(journey);

        // An empty statement is refused with the error shown by the field.
        var add = p.Locator("form[action*='handler=Statement'] button[type=submit]");
        await p.PressAsync(add);
        await Assertions.Expect(p.Locator("#NewStatement_Text")).ToHaveAttributeAsync("aria-invalid", "true");
        await p.AuditAsync(journey);
        await p.FillAsync(p.Locator("#NewStatement_Text"), "Кварталните срещи да се излъчват на живо " + Guid.NewGuid().ToString("N")[..4]);
        await p.PressAsync(add);
        await Assertions.Expect(p.Locator("main > .notice[role=status]")).ToBeFocusedAsync();
        await p.AuditAsync(journey);

        await p.PressAsync(p.Locator("main a[href*='/conversations/'][href$='/results']").First);
        await Assertions.Expect(p.Locator("main svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator("main table")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
    }

    [Theory]
    [InlineData("bg")]
    [InlineData("en")]
    public async Task Visitor_ReadsRegistryNewsAndLearning(string culture)
    {
        var journey = "reading-" + culture;
        await using var context = await app.NewVisitorAsync(culture);
        var page = await context.NewPageAsync();
        await page.GoAsync(journey, "/organizations");
        await page.Locator("main h2 a, main h3 a").First.ClickAsync();
        await page.AuditAsync(journey);
        await page.GoAsync(journey, "/organizations?kind=Ngo");
        await page.GoAsync(journey, $"/processes/{Icc}/organizations");
        await page.GoAsync(journey, "/news");
        await page.Locator("main h2 a, main h3 a").First.ClickAsync();
        await page.AuditAsync(journey);
        await page.GoAsync(journey, $"/processes/{Icc}/news");
        await page.GoAsync(journey, "/learn");
        await page.Locator("main a[href^='/learn/guides/']").First.ClickAsync();
        await page.AuditAsync(journey);
        await page.GoAsync(journey, "/learn");
        await page.Locator("main a[href^='/learn/courses/']").First.ClickAsync();
        await page.AuditAsync(journey);
        await page.GoAsync(journey, "/learn/certificates/AAAA-BBBB-CCCC");
        await page.GoAsync(journey, "/newsletter/subscribe");
    }
}
