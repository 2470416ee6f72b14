using System.Net;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Account;

/// <summary>
/// A session alone (a browser left open, a stolen cookie) cannot turn two-factor off, get new recovery codes, turn
/// two-factor on with another phone, or change the e-mail address or the password: each asks again for the password
/// (or, with two-factor on, a current code), and wrong answers count towards the account's lock.
/// </summary>
public sealed class ReauthenticationTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private const string TwoFactorPage = "/account/manage/two-factor";

    private Task<bool> TwoFactorEnabledAsync(AgoraUser user) =>
        f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync());

    private Task<int> FailedCountAsync(AgoraUser user) =>
        f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync());

    private Task<string> CodeAsync(AgoraUser user) => f.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AgoraUser>>();
        return Totp.Code(await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id.ToString()))!) ?? "");
    });

    private Task<int> RecoveryCodesAsync(AgoraUser user) => f.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AgoraUser>>();
        return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(user.Id.ToString()))!);
    });

    private static Task<HttpResponseMessage> TwoFactorAsync(HttpClient client, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync(TwoFactorPage, fields, $"{TwoFactorPage}?handler={handler}");

    [Fact]
    public async Task DisableTwoFactor_WithoutOrWithAWrongPassword_IsRefused_WithThePassword_Works()
    {
        var user = await f.PersonAsync(twoFactor: true);
        var client = await f.SignedInAsync(user);

        var none = await TwoFactorAsync(client, "Disable", new());
        Assert.Contains("Паролата или кодът не са верни.", await none.TextAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorEnabledAsync(user));

        await TwoFactorAsync(client, "Disable", new() { ["Confirm.Secret"] = "not my password" });
        Assert.True(await TwoFactorEnabledAsync(user));
        Assert.Equal(1, await FailedCountAsync(user));

        var done = await TwoFactorAsync(client, "Disable", new() { ["Confirm.Secret"] = Builders.Password });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(user));
        Assert.Equal(0, await FailedCountAsync(user));
    }

    [Fact]
    public async Task DisableTwoFactor_WithACurrentCode_Works()
    {
        var user = await f.PersonAsync(twoFactor: true);
        var client = await f.SignedInAsync(user);
        await TwoFactorAsync(client, "Disable", new() { ["Confirm.Secret"] = "000000" });
        Assert.True(await TwoFactorEnabledAsync(user));
        await TwoFactorAsync(client, "Disable", new() { ["Confirm.Secret"] = await CodeAsync(user) });
        Assert.False(await TwoFactorEnabledAsync(user));
    }

    [Fact]
    public async Task NewRecoveryCodes_NeedThePasswordOrACode()
    {
        var user = await f.PersonAsync(twoFactor: true);
        var client = await f.SignedInAsync(user);
        Assert.Equal(0, await RecoveryCodesAsync(user));

        var refused = await TwoFactorAsync(client, "RecoveryCodes", new());
        Assert.DoesNotContain("Вашите кодове за възстановяване", await refused.TextAsync(), StringComparison.Ordinal);
        refused = await TwoFactorAsync(client, "RecoveryCodes", new() { ["Confirm.Secret"] = "wrong password" });
        Assert.DoesNotContain("Вашите кодове за възстановяване", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RecoveryCodesAsync(user));

        var ok = await TwoFactorAsync(client, "RecoveryCodes", new() { ["Confirm.Secret"] = await CodeAsync(user) });
        Assert.Contains("Вашите кодове за възстановяване", await ok.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(10, await RecoveryCodesAsync(user));
    }

    [Fact]
    public async Task EnableTwoFactor_NeedsThePasswordAsWellAsTheCode()
    {
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var page = await client.HtmlAsync(TwoFactorPage);
        var key = System.Text.RegularExpressions.Regex.Match(page, "<code>([a-z0-9 ]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);

        var refused = await TwoFactorAsync(client, "Enable", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Contains("Паролата е грешна.", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.False(await TwoFactorEnabledAsync(user));

        await TwoFactorAsync(client, "Enable", new() { ["Input.Code"] = Totp.Code(key), ["Confirm.Password"] = Builders.Password });
        Assert.True(await TwoFactorEnabledAsync(user));
    }

    [Fact]
    public async Task ChangeEmail_NeedsThePassword()
    {
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var newEmail = $"new-{Guid.NewGuid():N}@example.bg";
        var sent = () => f.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == newEmail));

        var refused = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        refused = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.CurrentSecret"] = "not my password" });
        Assert.Contains("Паролата или кодът не са верни.", await refused.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await sent());

        var ok = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.CurrentSecret"] = Builders.Password });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(1, await sent());
    }

    [Fact]
    public async Task ChangeEmail_English_AsksForThePasswordInEnglish()
    {
        var client = await f.SignedInAsync(await f.PersonAsync(culture: "en"), "en");
        var html = await client.HtmlAsync("/account/manage/email");
        Assert.Contains("Current password or a code from the authenticator app", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuessingThroughTheForms_LocksTheAccount_ThenEvenTheRightPasswordIsRefused()
    {
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/manage/password", new Dictionary<string, string>
            {
                ["Input.CurrentPassword"] = $"guess number {i}",
                ["Input.NewPassword"] = "attacker's passphrase",
                ["Input.ConfirmPassword"] = "attacker's passphrase",
            });
        }
        Assert.True(await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);

        var refused = await client.PostFormAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Builders.Password,
            ["Input.NewPassword"] = "attacker's passphrase",
            ["Input.ConfirmPassword"] = "attacker's passphrase",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var email = $"new-{Guid.NewGuid():N}@example.bg";
        await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = email, ["Input.CurrentSecret"] = Builders.Password });
        Assert.Equal(0, await f.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email)));

        // The password is still the old one: once the lock ends, it signs in.
        await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)));
        var login = await f.Browser().PostFormAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = Builders.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }
}
