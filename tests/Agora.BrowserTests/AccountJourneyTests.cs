using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>Sign up, confirm by e-mail, sign in, set up two-factor and sign in with it — as a person does: in
/// Bulgarian by keyboard only, in English with a pointer, and in Bulgarian without JavaScript.</summary>
public sealed class AccountJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("bg", Way.Keyboard)]
    [InlineData("en", Way.Mouse)]
    [InlineData("bg", Way.NoScript)]
    public async Task SignUp_ConfirmSignInAndTwoFactor_Works(string culture, Way way)
    {
        var journey = $"account-{culture}-{way}".ToLowerInvariant();
        var en = culture == "en";
        var name = en ? "Anna Test" : "Анна Тестова";
        var email = $"citizen-{culture}-{Guid.NewGuid():N}"[..24] + "@example.bg";
        var (context, p) = await app.VisitorAsync(culture, way);
        await using var _ = context;

        Assert.Equal(200, await p.GoAsync(journey, "/"));
        await p.PressAsync(p.Page.Locator(".account-nav").GetByRole(AriaRole.Link, new() { Name = en ? "Sign up" : "Регистрация", Exact = true }));
        await p.Page.WaitForURLAsync("**/account/register");
        await p.AuditAsync(journey);

        // An empty form comes back with the errors listed and each field marked.
        await p.PressAsync(p.Locator("form.stack button[type=submit]"));
        await Assertions.Expect(p.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(p.Locator("#Input_Email")).ToHaveAttributeAsync("aria-invalid", "true");
        if (way != Way.NoScript)
            await Assertions.Expect(p.Locator(".error-summary")).ToBeFocusedAsync();
        await p.AuditAsync(journey);

        await p.FillAsync(p.Locator("#Input_Email"), email);
        await p.FillAsync(p.Locator("#Input_DisplayName"), name);
        await p.FillAsync(p.Locator("#Input_Password"), Journeys.Password);
        await p.FillAsync(p.Locator("#Input_ConfirmPassword"), Journeys.Password);
        await p.CheckAsync(p.Locator("#Input_AcceptTerms"));
        await p.PressAsync(p.Locator("form.stack button[type=submit]"));
        await p.Page.WaitForURLAsync("**/account/register-confirmation**");
        await p.AuditAsync(journey);

        var mail = await app.WaitForMailAsync(email, "/account/confirm-email");
        Assert.Equal(200, await p.GoAsync(journey, BrowserApp.LinkIn(mail, "/account/confirm-email")));

        await p.GoAsync(journey, "/account/login");
        await p.FillAsync(p.Locator("#Input_Email"), email);
        await p.FillAsync(p.Locator("#Input_Password"), Journeys.Password);
        await p.PressAsync(p.Locator("main button[type=submit]"));
        await Assertions.Expect(p.Locator(".account-nav")).ToContainTextAsync(name);

        await p.GoAsync(journey, "/account/manage/two-factor");
        var key = await p.Locator("main code").First.InnerTextAsync();
        var enable = p.Locator("main form button[type=submit]").Last;
        await p.PressAsync(enable);
        await Assertions.Expect(p.Locator("#Input_Code")).ToHaveAttributeAsync("aria-invalid", "true");
        await p.AuditAsync(journey);
        await p.FillAsync(p.Locator("#Input_Code"), Totp.Code(key));
        // Turning two-factor on asks for the password again: a session alone may not tie the account to a phone.
        await p.FillAsync(p.Locator("#Confirm_Password"), Journeys.Password);
        await p.PressAsync(enable);
        await Assertions.Expect(p.Locator(".codes")).ToBeVisibleAsync();
        await p.AuditAsync(journey);

        // Sign out in the header (by keyboard Shift+Tab walks back to it when the focus is further down).
        await p.PressAsync(p.Locator(".account-nav form button"));
        await Assertions.Expect(p.Locator(".account-nav")).ToContainTextAsync(en ? "Sign in" : "Вход");
        await p.GoAsync(journey, "/account/login");
        await p.FillAsync(p.Locator("#Input_Email"), email);
        await p.FillAsync(p.Locator("#Input_Password"), Journeys.Password);
        await p.PressAsync(p.Locator("main button[type=submit]"));
        await Assertions.Expect(p.Locator("#Input_Code")).ToBeVisibleAsync();
        await p.AuditAsync(journey);
        // The previous 30-second step's code: still accepted, and different from the one that switched two-factor on.
        await p.FillAsync(p.Locator("#Input_Code"), Totp.Code(key, DateTime.UtcNow.AddSeconds(-30)));
        await p.PressAsync(p.Locator("main button[type=submit]"));
        await Assertions.Expect(p.Locator(".account-nav")).ToContainTextAsync(name);
        Assert.DoesNotContain(en ? "Sign in" : "Вход", await p.Locator(".account-nav").InnerTextAsync(), StringComparison.Ordinal);
    }
}
