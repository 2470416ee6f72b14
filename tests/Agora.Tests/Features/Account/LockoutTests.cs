using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Account;

/// <summary>
/// While an account is locked after failed sign-ins, the sign-in form gives the same answer whether or not the password
/// is right, and the same as for a wrong password or an address with no account: guessing cannot go on through the lock,
/// and the lock does not tell which addresses have accounts.
/// </summary>
public sealed partial class LockoutTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static Dictionary<string, string> Form(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    private async Task LockAsync(string email)
    {
        var client = f.Browser();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/account/login", Form(email, "wrong password!"));
    }

    /// <summary>The answer with what differs by nature taken out: the antiforgery token and the address typed.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response, string email)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        html = Token().Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"…\"");
        return html.Replace(email, "someone@example.bg", StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex Token();

    [Fact]
    public async Task Locked_RightAndWrongPassword_GetTheSameAnswer_AsAnAddressWithNoAccount()
    {
        var user = await f.PersonAsync();
        await LockAsync(user.Email!);

        var right = await AnswerAsync(await f.Browser().PostFormAsync("/account/login", Form(user.Email!, Builders.Password)), user.Email!);
        var wrong = await AnswerAsync(await f.Browser().PostFormAsync("/account/login", Form(user.Email!, "another guess!")), user.Email!);
        var nobody = $"nobody-{Guid.NewGuid():N}@example.bg";
        var none = await AnswerAsync(await f.Browser().PostFormAsync("/account/login", Form(nobody, Builders.Password)), nobody);

        Assert.Equal(wrong, right);
        Assert.Equal(none, right);
        Assert.Contains("Имейлът или паролата са грешни.", right, StringComparison.Ordinal);
        Assert.DoesNotContain("временно заключен", right, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locked_RightPassword_NeitherSignsInNorShortensTheLock()
    {
        var user = await f.PersonAsync();
        await LockAsync(user.Email!);
        var before = await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.True(before.LockoutEnd > DateTimeOffset.UtcNow);

        var client = f.Browser();
        var response = await client.PostFormAsync("/account/login", Form(user.Email!, Builders.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/manage")).StatusCode);
        var after = await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task English_Locked_RightAndWrongPassword_GetTheSameAnswer()
    {
        var user = await f.PersonAsync(culture: "en");
        await LockAsync(user.Email!);
        var right = await AnswerAsync(await f.Browser("en").PostFormAsync("/account/login", Form(user.Email!, Builders.Password)), user.Email!);
        var wrong = await AnswerAsync(await f.Browser("en").PostFormAsync("/account/login", Form(user.Email!, "another guess!")), user.Email!);
        Assert.Equal(wrong, right);
        Assert.Contains("The e-mail or the password is incorrect.", right, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnconfirmedAccount_WrongPasswords_LockIt_ThenTheRightOneIsNotConfirmed()
    {
        var user = await f.PersonAsync();
        await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        await LockAsync(user.Email!);
        Assert.True(await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);

        var right = await AnswerAsync(await f.Browser().PostFormAsync("/account/login", Form(user.Email!, Builders.Password)), user.Email!);
        var wrong = await AnswerAsync(await f.Browser().PostFormAsync("/account/login", Form(user.Email!, "another guess!")), user.Email!);
        Assert.Equal(wrong, right);
        Assert.DoesNotContain("/account/resend-confirmation", right, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordReset_EndsATemporaryLock()
    {
        var user = await f.PersonAsync();
        await LockAsync(user.Email!);
        var client = f.Browser();
        await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
        var link = (await f.LastTo(user.Email!)).Link("/account/reset-password");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        const string newPassword = "a brand new passphrase";
        var reset = await client.PostFormAsync(link, new Dictionary<string, string>
        {
            ["Input.UserId"] = query["userId"]!,
            ["Input.Code"] = query["code"]!,
            ["Input.Password"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        }, "/account/reset-password");
        Assert.Contains("Паролата е сменена", await reset.TextAsync(), StringComparison.Ordinal);

        var login = await f.Browser().PostFormAsync("/account/login", Form(user.Email!, newPassword));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task BlockedAccount_SaysBlocked_WhateverThePassword()
    {
        var user = await f.PersonAsync();
        await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.BlockedAt, DateTime.UtcNow).SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)));
        var right = await AnswerAsync(await f.Browser().PostFormAsync("/account/login", Form(user.Email!, Builders.Password)), user.Email!);
        var wrong = await AnswerAsync(await f.Browser().PostFormAsync("/account/login", Form(user.Email!, "another guess!")), user.Email!);
        Assert.Equal(wrong, right);
        Assert.Contains("блокиран", right, StringComparison.Ordinal);
    }
}
