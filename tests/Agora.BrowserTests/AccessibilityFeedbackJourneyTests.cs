using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>The accessibility statement's feedback form, by keyboard, with an error first: it reaches the administrators.</summary>
public sealed class AccessibilityFeedbackJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("bg", "Обратна връзка за достъпността", "Полето „Описание на затруднението“ е задължително.", "Благодарим!")]
    [InlineData("en", "Accessibility feedback", "Description of the problem is required.", "Thank you!")]
    public async Task Statement_FeedbackForm_ValidatesAndSends(string culture, string title, string required, string thanks)
    {
        var journey = "accessibility-feedback-" + culture;
        await using var context = await app.NewVisitorAsync(culture);
        var page = await context.NewPageAsync();
        await page.GoAsync(journey, "/accessibility");
        await page.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = culture == "en" ? "accessibility feedback form" : "формуляра за обратна връзка за достъпността" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await page.AuditAsync(journey);

        await page.TabToAsync(page.Locator("main button[type=submit]"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(required);
        await page.AuditAsync(journey);

        await page.TypeIntoAsync(page.Locator("#Input_Description"), "Бутонът за записване не се чете от екранния четец.");
        await page.TypeIntoAsync(page.Locator("#Input_AssistiveTechnology"), "NVDA");
        await page.TabToAsync(page.Locator("main button[type=submit]"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync(thanks);
        await page.AuditAsync(journey);
    }
}
