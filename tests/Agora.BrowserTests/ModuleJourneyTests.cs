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
    [InlineData("bg", "Записване", "Отказване от записването")]
    [InlineData("en", "Register", "Cancel my registration")]
    public async Task Workshop_RegisterGetTheCalendarFileAndCancel(string culture, string register, string cancel)
    {
        var journey = "events-" + culture;
        await using var context = await app.NewVisitorAsync(culture);
        var page = await context.NewPageAsync();
        var email = await page.SignUpAsync(app, journey, culture == "en" ? "Event Goer" : "Гост Събитие");
        await page.GoAsync(journey, "/events");
        await page.GoAsync(journey, "/events?when=past");
        await page.GoAsync(journey, $"/events/{EventsDemo.NeedsAssessmentId}");
        await page.GoAsync(journey, $"/processes/{Icc}/events");
        await page.GoAsync(journey, $"/events/{EventsDemo.HearingId}");
        var registerButton = page.Locator("form[action*='handler=Register'] button");
        await Assertions.Expect(registerButton).ToHaveTextAsync(register);
        await page.TabToAsync(registerButton);
        await page.Keyboard.PressAsync("Enter");
        var cancelButton = page.Locator("form[action*='handler=Cancel'] button");
        await Assertions.Expect(cancelButton).ToHaveTextAsync(cancel);
        await page.AuditAsync(journey);
        var mail = await app.WaitForMailAsync(email, $"/events/{EventsDemo.HearingId}");
        Assert.NotEmpty(mail);
        await page.TabToAsync(cancelButton);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("form[action*='handler=Register'] button")).ToBeVisibleAsync();
        await page.AuditAsync(journey);
        var ics = await page.APIRequest.GetAsync($"/events/{EventsDemo.HearingId}.ics");
        Assert.Equal(200, ics.Status);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", await ics.TextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bg", "Заявката е изпратена.")]
    [InlineData("en", "The request has been sent.")]
    public async Task Organisation_AsksToJoinTheProcess(string culture, string sent)
    {
        var journey = "join-" + culture;
        var contact = $"join-{culture}-{Guid.NewGuid():N}"[..24] + "@example.bg";
        await using var context = await app.NewVisitorAsync(culture);
        var page = await context.NewPageAsync();
        await page.GoAsync(journey, $"/processes/{Icc}");
        await page.Locator(".join-call a").First.ClickAsync();
        await page.AuditAsync(journey);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await page.AuditAsync(journey);
        await page.Locator("#Input_OrganizationName").FillAsync("Сдружение „Умна Люлин“");
        await page.Locator("#Input_OrganizationKind").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await page.Locator("#Input_Contribution").FillAsync("Доброволци и опит с квартални срещи в Люлин.");
        await page.Locator("#Input_ContactName").FillAsync("Петя Маринова");
        await page.Locator("#Input_ContactEmail").FillAsync(contact);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(sent);
        await page.AuditAsync(journey);
        Assert.NotEmpty(await app.WaitForMailAsync(contact, ""));
    }

    [Fact]
    public async Task Conversation_VoteByKeyboardAndReadTheResults()
    {
        const string journey = "conversation";
        await using var context = await app.NewVisitorAsync("bg");
        var page = await context.NewPageAsync();
        await page.SignUpAsync(app, journey, "Гласуващ Жител");
        await page.GoAsync(journey, $"/processes/{Icc}/conversations");
        await page.Locator("main h2 a").First.ClickAsync();
        await page.AuditAsync(journey);
        var statement = await page.Locator("form.vote-buttons input[name=statementId]").GetAttributeAsync("value");
        await page.TabToAsync(page.Locator("form.vote-buttons button[value='1']"));
        await page.Keyboard.PressAsync("Enter");
        // The vote posts and the next statement comes back in a new page.
        await Assertions.Expect(page.Locator("form.vote-buttons input[name=statementId]")).Not.ToHaveAttributeAsync("value", statement!);
        await page.AuditAsync(journey);
        await page.Locator("a[href$='/results']").First.ClickAsync();
        await Assertions.Expect(page.Locator("main svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main table")).ToBeVisibleAsync();
        await page.AuditAsync(journey);
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
