using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>Reading the platform as a visitor: home, processes, the demo process, legal pages, language switch.</summary>
public sealed class PublicPagesJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("bg", "ICC София: електронно управление и гражданско участие", "Оценка на нуждите")]
    [InlineData("en", "ICC Sofia: e-government and citizen participation", "Needs assessment")]
    public async Task Visitor_FindsTheDemoProcessAndItsPhases(string culture, string title, string phase)
    {
        var journey = "processes-" + culture;
        await using var context = await app.NewVisitorAsync(culture);
        var page = await context.NewPageAsync();
        await page.GoAsync(journey, "/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = culture == "en" ? "Main navigation" : "Основна навигация" })
            .GetByRole(AriaRole.Link, new() { Name = culture == "en" ? "Processes" : "Процеси" }).ClickAsync();
        await page.AuditAsync(journey);
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.AuditAsync(journey);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync(phase);
        foreach (var path in new[] { "/about", "/accessibility", "/privacy", "/terms", "/processes?status=past", "/no-such-page" })
            await page.GoAsync(journey, path);
    }

    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task LanguageSwitch_KeepsThePageAndRemembersTheChoice(string culture, Way way)
    {
        var journey = Journeys.Name("language", culture, way);
        var (other, otherName, ownName) = culture == "en" ? ("bg", "Български", "English") : ("en", "English", "Български");
        var (context, p) = await app.VisitorAsync(culture, way);
        await using var _ = context;
        await p.GoAsync(journey, "/processes?status=past");
        await Assertions.Expect(p.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await p.PressAsync(p.Page.GetByRole(AriaRole.Link, new() { Name = otherName }));
        await Assertions.Expect(p.Locator("html")).ToHaveAttributeAsync("lang", other);
        Assert.EndsWith($"/processes?status=past&culture={other}", p.Page.Url, StringComparison.Ordinal);
        await p.AuditAsync(journey);
        await p.GoAsync(journey, "/");
        await Assertions.Expect(p.Locator("html")).ToHaveAttributeAsync("lang", other);
        await p.PressAsync(p.Page.GetByRole(AriaRole.Link, new() { Name = ownName }));
        await Assertions.Expect(p.Locator("html")).ToHaveAttributeAsync("lang", culture);
        await p.GoAsync(journey, "/events");
        await Assertions.Expect(p.Locator("html")).ToHaveAttributeAsync("lang", culture);
    }

    [Fact]
    public async Task PublicPages_WithoutJavaScript_ReadTheSame()
    {
        const string journey = "no-js-public";
        await using var context = await app.NewVisitorAsync("bg", javaScript: false);
        var page = await context.NewPageAsync();
        await page.GoAsync(journey, "/processes");
        await page.GetByRole(AriaRole.Link, new() { Name = "ICC София: електронно управление и гражданско участие" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline li.current")).ToContainTextAsync("Предложения и обсъждане с гражданите");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline li.current")).ToContainTextAsync("Proposals and discussion with residents");
    }
}
