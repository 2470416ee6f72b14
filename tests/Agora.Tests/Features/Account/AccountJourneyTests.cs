using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Account;

public sealed class AccountJourneyTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Theory]
    [InlineData("bg", "Потвърдете имейл адреса си в Агора", "Моят профил")]
    [InlineData("en", "Confirm your e-mail address on Agora", "My account")]
    public async Task SignUp_ThroughDeletion_WorksInEachLanguage(string culture, string subject, string accountHeading)
    {
        var email = $"journey-{culture}-{Guid.NewGuid():N}@example.bg";
        var client = f.Browser(culture);

        // Sign up.
        var response = await client.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Мария",
            ["Input.Password"] = Builders.Password,
            ["Input.ConfirmPassword"] = Builders.Password,
            ["Input.AcceptTerms"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Signing in before confirming is refused with the reason.
        var early = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Builders.Password });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("/account/resend-confirmation", await early.TextAsync(), StringComparison.Ordinal);

        // The confirmation e-mail, in the person's language, with HTML and text parts.
        var mail = await f.LastTo(email);
        Assert.Equal(subject, mail.Subject);
        Assert.NotNull(mail.HtmlBody);
        var confirm = await client.GetAsync(mail.Link("/account/confirm-email"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        // Sign in.
        var login = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Builders.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(accountHeading, await client.HtmlAsync("/account/manage"), StringComparison.Ordinal);

        // Switch language: the account remembers it for e-mails.
        var other = culture == "bg" ? "en" : "bg";
        await client.GetAsync("/account/manage?culture=" + other);
        Assert.Equal(other, await f.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync()));

        // Download my data.
        var download = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>(), "/account/manage/personal-data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        Assert.Equal(email, json.RootElement.GetProperty("account").GetProperty("profile").GetProperty("email").GetString());
        Assert.True(json.RootElement.GetProperty("account").GetProperty("emails").GetArrayLength() >= 1);

        // Delete the account: personal data erased, the row kept anonymised, the session ended.
        var id = await f.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var delete = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>
        {
            ["Input.Password"] = Builders.Password,
            ["Input.Understand"] = "true",
        }, "/account/manage/personal-data?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.False(await f.DbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        var erased = await f.DbAsync(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.Equal("", erased.DisplayName);
        Assert.StartsWith("deleted-", erased.UserName, StringComparison.Ordinal);
        Assert.Null(erased.PasswordHash);
        Assert.NotNull(erased.DeletedAt);
        Assert.False(await f.DbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == email)));
        var after = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Register_InvalidInput_ShowsMessagesBesideFieldsAndKeepsWhatWasTyped()
    {
        var response = await f.Browser("bg").PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-email",
            ["Input.DisplayName"] = "Петър",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("„Имейл адрес“ не е валиден имейл адрес.", html, StringComparison.Ordinal);
        Assert.Contains("„Парола“ трябва да е между 10 и 200 знака.", html, StringComparison.Ordinal);
        Assert.Contains("Отбележете „Приемам общите условия", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Петър\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"short\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InEnglish_ValidationIsInEnglish()
    {
        var response = await f.Browser("en").PostFormAsync("/account/register", new Dictionary<string, string> { ["Input.Email"] = "" });
        var html = await response.TextAsync();
        Assert.Contains("E-mail address is required.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ExistingEmail_AnswersAsUsualAndTellsTheOwner()
    {
        var existing = await f.PersonAsync();
        var before = await f.DbAsync(db => db.Users.CountAsync());
        var response = await f.Browser().PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = existing.Email!,
            ["Input.DisplayName"] = "Двойник",
            ["Input.Password"] = Builders.Password,
            ["Input.ConfirmPassword"] = Builders.Password,
            ["Input.AcceptTerms"] = "true",
        });
        // The same answer as a new sign-up: the form does not reveal that the address has an account.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/register-confirmation", response.Location(), StringComparison.Ordinal);
        Assert.Equal(before, await f.DbAsync(db => db.Users.CountAsync()));
        var mail = await f.LastTo(existing.Email!);
        Assert.Equal("Вече имате профил в Агора", mail.Subject);
        Assert.Equal("/account/forgot-password", mail.Link("/account/forgot-password"));
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccount_EvenForTheRightPassword()
    {
        var user = await f.PersonAsync();
        var client = f.Browser();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrong password!" });
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = Builders.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Имейлът или паролата са грешни.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task PasswordReset_ByEmailLink_EndsOtherSessions()
    {
        var user = await f.PersonAsync();
        var elsewhere = await f.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/account/manage")).StatusCode);

        var client = f.Browser();
        var forgot = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        var link = (await f.LastTo(user.Email!)).Link("/account/reset-password");
        const string newPassword = "a brand new passphrase";
        var resetPage = await client.GetAsync(link);
        var html = await resetPage.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Http.Token(html),
            ["Input.UserId"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["userId"]!,
            ["Input.Code"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        };
        var reset = await client.PostAsync("/account/reset-password", new FormUrlEncodedContent(fields));
        Assert.Contains("Паролата е сменена", await reset.TextAsync(), StringComparison.Ordinal);

        // The other browser's session has ended (the security stamp changed).
        var stale = await elsewhere.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/account/login", stale.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_UnconfirmedAccountWithWrongPassword_SaysOnlyThatTheDetailsAreWrong()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@example.bg";
        await f.Browser().PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Непотвърден",
            ["Input.Password"] = Builders.Password,
            ["Input.ConfirmPassword"] = Builders.Password,
            ["Input.AcceptTerms"] = "true",
        });
        var response = await f.Browser().PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password" });
        var html = await response.TextAsync();
        Assert.Contains("Имейлът или паролата са грешни.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/resend-confirmation", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_FromTheHeaderForm_EndsTheSession()
    {
        var client = await f.SignedInAsync(await f.PersonAsync());
        // The header's sign-out form carries its own antiforgery token (a form with an explicit action gets none by default).
        var html = await client.HtmlAsync("/");
        var form = html[html.IndexOf("action=\"/account/logout\"", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", form[..form.IndexOf("</form>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var response = await client.PostFormAsync("/", new Dictionary<string, string>(), "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_LastAdministrator_IsRefused()
    {
        var (solo, admin, client) = await Builders.SoloAdministratorAsync();
        await using var _ = solo;
        var response = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>
        {
            ["Input.Password"] = Builders.Password,
            ["Input.Understand"] = "true",
        }, "/account/manage/personal-data?handler=Delete");
        Assert.Contains("последният администратор", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Null(await solo.DbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.DeletedAt).SingleAsync()));
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_SaysTheSameAndSendsNothing()
    {
        var before = await f.DbAsync(db => db.OutboxMessages.CountAsync());
        var response = await f.Browser().PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody-here@example.bg" });
        Assert.Contains("Ако има профил с този адрес", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await f.DbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task ChangeEmail_ConfirmedByLink_ChangesAddressAndSignIn()
    {
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var newEmail = $"new-{Guid.NewGuid():N}@example.bg";
        var response = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.CurrentSecret"] = Builders.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(user.Email, await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));

        var link = (await f.LastTo(newEmail)).Link("/account/confirm-email-change");
        var confirm = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(newEmail, await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync()));
        var login = await f.Browser().PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = newEmail, ["Input.Password"] = Builders.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task TwoFactor_Enabled_SignInAsksForTheCodeAndRefusesAWrongOne()
    {
        var user = await f.PersonAsync(twoFactor: true);
        var client = f.Browser();
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = Builders.Password });
        Assert.StartsWith("/account/login-2fa", response.Location(), StringComparison.Ordinal);
        var wrong = await client.PostFormAsync(response.Location(), new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("Кодът е грешен", await wrong.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
        var ok = await f.SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await ok.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_SetUpThroughThePage_GivesRecoveryCodesThatSignIn()
    {
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var page = await client.HtmlAsync("/account/manage/two-factor");
        var key = System.Text.RegularExpressions.Regex.Match(page, "<code>([a-z0-9 ]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);
        var enabled = await client.PostFormAsync("/account/manage/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key), ["Confirm.Password"] = Builders.Password }, "/account/manage/two-factor?handler=Enable");
        var html = await enabled.TextAsync();
        Assert.Contains("Вашите кодове за възстановяване", html, StringComparison.Ordinal);
        var codes = System.Text.RegularExpressions.Regex.Matches(html, "<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.True(await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var other = f.Browser();
        var login = await other.PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = Builders.Password });
        Assert.StartsWith("/account/login-2fa", login.Location(), StringComparison.Ordinal);
        var recovered = await other.PostFormAsync("/account/login-recovery", new Dictionary<string, string> { ["Input.Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task BlockedPerson_SigningIn_IsToldTheAccountIsBlocked()
    {
        var user = await f.PersonAsync();
        await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.BlockedAt, DateTime.UtcNow).SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));
        var response = await f.Browser().PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = Builders.Password });
        Assert.Contains("блокиран", await response.TextAsync(), StringComparison.Ordinal);
    }
}
