using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>Sign up, confirm by e-mail, sign in, set up two-factor and sign in with it — as a person does, in both languages.</summary>
public sealed class AccountJourneyTests(BrowserApp app)
{
    public const string Password = "a long pass phrase for Sofia";

    [Theory]
    [InlineData("bg", "Регистрация", "Вход")]
    [InlineData("en", "Sign up", "Sign in")]
    public async Task SignUp_ConfirmSignInAndTwoFactor_Works(string culture, string signUp, string signIn)
    {
        var journey = "account-" + culture;
        var email = $"citizen-{culture}-{Guid.NewGuid():N}"[..24] + "@example.bg";
        await using var context = await app.NewVisitorAsync(culture);
        var page = await context.NewPageAsync();

        Assert.Equal(200, await page.GoAsync(journey, "/"));
        await page.GetByRole(AriaRole.Link, new() { Name = signUp, Exact = true }).First.ClickAsync();
        await page.AuditAsync(journey);

        // An empty form comes back with the errors listed and each field marked.
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AuditAsync(journey);

        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_DisplayName").FillAsync(culture == "en" ? "Anna Test" : "Анна Тестова");
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await page.Locator("#Input_AcceptTerms").CheckAsync();
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await page.AuditAsync(journey);

        var mail = await app.WaitForMailAsync(email, "/account/confirm-email");
        Assert.Equal(200, await page.GoAsync(journey, BrowserApp.LinkIn(mail, "/account/confirm-email")));

        await page.GoAsync(journey, "/account/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync(culture == "en" ? "Anna Test" : "Анна Тестова");

        await page.GoAsync(journey, "/account/manage/two-factor");
        var key = await page.Locator("main code").First.InnerTextAsync();
        await page.Locator("#Input_Code").FillAsync(Totp.Code(key));
        await page.Locator("main form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(page.Locator(".codes")).ToBeVisibleAsync();
        await page.AuditAsync(journey);

        await page.Locator(".account-nav form button").ClickAsync();
        await page.GoAsync(journey, "/account/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Code")).ToBeVisibleAsync();
        await page.AuditAsync(journey);
        // A fresh step, so the code differs from the one used to switch two-factor on.
        await WaitForNextTotpStepAsync();
        await page.Locator("#Input_Code").FillAsync(Totp.Code(key));
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync(culture == "en" ? "Anna Test" : "Анна Тестова");
        Assert.DoesNotContain(signIn, await page.Locator(".account-nav").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_KeyboardOnly_ReachesEveryFieldAndSubmits()
    {
        const string journey = "keyboard-sign-in";
        var email = $"kbd-{Guid.NewGuid():N}"[..20] + "@example.bg";
        await using var context = await app.NewVisitorAsync("bg");
        var page = await context.NewPageAsync();
        await page.GoAsync(journey, "/account/register");
        await page.TypeIntoAsync(page.Locator("#Input_Email"), email);
        await page.TypeIntoAsync(page.Locator("#Input_DisplayName"), "Клавиатурна Проба");
        await page.TypeIntoAsync(page.Locator("#Input_Password"), Password);
        await page.TypeIntoAsync(page.Locator("#Input_ConfirmPassword"), Password);
        await page.TabToAsync(page.Locator("#Input_AcceptTerms"));
        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync(page.Locator("form.stack button[type=submit]"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/account/register-confirmation**");
        await page.AuditAsync(journey);

        var mail = await app.WaitForMailAsync(email, "/account/confirm-email");
        await page.GoAsync(journey, BrowserApp.LinkIn(mail, "/account/confirm-email"));

        // The skip link is the first stop and moves focus to the main content.
        await page.GoAsync(journey, "/account/login");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        await page.TypeIntoAsync(page.Locator("#Input_Email"), email);
        await page.TypeIntoAsync(page.Locator("#Input_Password"), Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync("Клавиатурна Проба");

        // Shift+Tab walks back from the footer to the sign-out button in the header.
        await page.Locator(".site-footer a").Last.FocusAsync();
        await page.TabToAsync(page.Locator(".account-nav form button"), backwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync("Вход");
    }

    [Fact]
    public async Task SignUpAndSignIn_WithoutJavaScript_Work()
    {
        const string journey = "no-js-account";
        var email = $"nojs-{Guid.NewGuid():N}"[..20] + "@example.bg";
        await using var context = await app.NewVisitorAsync("bg", javaScript: false);
        var page = await context.NewPageAsync();
        await page.GoAsync(journey, "/account/register");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_DisplayName").FillAsync("Без Скриптове");
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await page.Locator("#Input_AcceptTerms").CheckAsync();
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/register-confirmation**");
        var mail = await app.WaitForMailAsync(email, "/account/confirm-email");
        await page.GoAsync(journey, BrowserApp.LinkIn(mail, "/account/confirm-email"));
        await page.GoAsync(journey, "/account/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync("Без Скриптове");
    }

    private static async Task WaitForNextTotpStepAsync()
    {
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30;
        await Task.Delay(TimeSpan.FromSeconds(30 - seconds + 1));
    }
}
