using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>Steps several journeys share.</summary>
public static class Journeys
{
    public const string Password = "a long pass phrase for Sofia";

    /// <summary>Signs up through the form, confirms from the e-mail and signs in; returns the address.</summary>
    public static async Task<string> SignUpAsync(this IPage page, BrowserApp app, string journey, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(app);
        var email = $"{journey}-{Guid.NewGuid():N}"[..30] + "@example.bg";
        await page.GoAsync(journey, "/account/register");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_DisplayName").FillAsync(name);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await page.Locator("#Input_AcceptTerms").CheckAsync();
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/register-confirmation**");
        var mail = await app.WaitForMailAsync(email, "/account/confirm-email");
        await page.GotoAsync(BrowserApp.LinkIn(mail, "/account/confirm-email"));
        await page.GotoAsync("/account/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync(name);
        return email;
    }
}
