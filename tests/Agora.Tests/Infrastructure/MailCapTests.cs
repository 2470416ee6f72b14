using System.Net;
using System.Text.RegularExpressions;
using Agora.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

/// <summary>
/// The cap on mail anyone can make the platform send to an address: at most 3 of a kind per address or account per
/// hour (Agora:Email:Cap), the extra ones dropped quietly, and the page answering exactly as it does below the cap.
/// </summary>
public sealed partial class MailCapTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private const int Attempts = 6;

    [GeneratedRegex("<main.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainPattern();

    [GeneratedRegex("value=\"[^\"]*\"")]
    private static partial Regex ValuePattern();

    /// <summary>The page's main content without per-request values (antiforgery token): what the person reads.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return ValuePattern().Replace(MainPattern().Match(await r.TextAsync()).Value, "");
    }

    private Task<int> MailsToAsync(string email, string? kind = null) =>
        f.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == email && (kind == null || m.Kind == kind)));

    [Fact]
    public async Task ForgotPassword_ManyTimes_AtMostThreeResetMails_AndTheSameAnswer()
    {
        var user = await f.PersonAsync();
        var answers = new List<string>();
        for (var i = 0; i < Attempts; i++)
        {
            // A new browser each time, as from different addresses: the cap is per recipient, not per client.
            var r = await f.Browser().PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
            answers.Add(await AnswerAsync(r));
        }
        Assert.Equal(3, await MailsToAsync(user.Email!, MailKinds.PasswordReset));
        Assert.Single(answers.Distinct());
        // The same answer as for an address with no account at all.
        var unknown = await f.Browser().PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@example.bg" });
        Assert.Equal(answers[0], await AnswerAsync(unknown));
    }

    [Fact]
    public async Task ResendConfirmation_ManyTimes_AtMostThreeMails()
    {
        var user = await f.PersonAsync();
        await f.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Web.Infrastructure.Identity.AgoraUser>>();
            var u = await users.FindByIdAsync(user.Id.ToString());
            u!.EmailConfirmed = false;
            await users.UpdateAsync(u);
        });
        var answers = new List<string>();
        for (var i = 0; i < Attempts; i++)
            answers.Add(await AnswerAsync(await f.Browser().PostFormAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = user.Email! })));
        Assert.Equal(3, await MailsToAsync(user.Email!, MailKinds.AccountConfirm));
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Register_WithAnExistingAddress_ManyTimes_AtMostThreeMailsToItsOwner()
    {
        var owner = await f.PersonAsync();
        for (var i = 0; i < Attempts; i++)
        {
            var r = await f.Browser().PostFormAsync("/account/register", new Dictionary<string, string>
            {
                ["Input.Email"] = owner.Email!,
                ["Input.DisplayName"] = "Двойник",
                ["Input.Password"] = Builders.Password,
                ["Input.ConfirmPassword"] = Builders.Password,
                ["Input.AcceptTerms"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/account/register-confirmation", r.Location(), StringComparison.Ordinal);
        }
        Assert.Equal(3, await MailsToAsync(owner.Email!, MailKinds.AccountExists));
    }

    [Fact]
    public async Task NewsletterSubscribe_ManyTimes_AtMostThreeConfirmations_AndTheSameAnswer()
    {
        var email = $"news-{Guid.NewGuid():N}@example.bg";
        var answers = new List<string>();
        for (var i = 0; i < Attempts; i++)
        {
            var r = await f.Browser().PostFormAsync("/newsletter/subscribe", new Dictionary<string, string> { ["Input.Email"] = email });
            answers.Add(await AnswerAsync(r));
        }
        Assert.Equal(3, await MailsToAsync(email, MailKinds.NewsletterConfirm));
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task EmailChange_ToManyAddresses_AtMostThreePerAccount()
    {
        var user = await f.PersonAsync();
        var client = await f.SignedInAsync(user);
        var targets = Enumerable.Range(0, Attempts).Select(i => $"new{i}-{Guid.NewGuid():N}@example.bg").ToList();
        foreach (var t in targets)
        {
            var r = await client.PostFormAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = t, ["Input.CurrentSecret"] = Builders.Password });
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var sent = await f.DbAsync(db => db.OutboxMessages.CountAsync(m => targets.Contains(m.Recipient)));
        Assert.Equal(3, sent);
        Assert.Equal(3, await f.DbAsync(db => db.OutboxMessages.CountAsync(m => m.AccountId == user.Id && m.Kind == MailKinds.EmailChange)));
    }

    [Fact]
    public async Task Cap_CountsAllKindsPerDay_AndOtherMailIsNotCapped()
    {
        var email = $"daily-{Guid.NewGuid():N}@example.bg";
        var sent = await f.InScopeAsync(async sp =>
        {
            var outbox = sp.GetRequiredService<Outbox>();
            var db = sp.GetRequiredService<Web.Infrastructure.Data.AgoraDb>();
            var taken = 0;
            // Four kinds, three each: the hourly cap would allow 12, the daily cap stops at 10.
            foreach (var kind in new[] { MailKinds.AccountConfirm, MailKinds.PasswordReset, MailKinds.NewsletterConfirm, MailKinds.AccountExists })
            {
                for (var i = 0; i < 3; i++)
                {
                    if (await outbox.EnqueueCappedAsync(kind, null, email, "bg", _ => new EmailContent("Тест", ["Текст."])))
                        taken++;
                    await db.SaveChangesAsync();
                }
            }
            // Mail that is not capped (a notification someone chose to get) still goes.
            outbox.Enqueue(email, "bg", _ => new EmailContent("Известие", ["Текст."]));
            await db.SaveChangesAsync();
            return taken;
        });
        Assert.Equal(10, sent);
        Assert.Equal(11, await MailsToAsync(email));
    }
}
