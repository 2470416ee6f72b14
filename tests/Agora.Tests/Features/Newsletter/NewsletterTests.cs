using System.Net;
using Agora.Web.Features.Newsletter;
using Agora.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Agora.Tests.Features.Newsletter;

public sealed class NewsletterTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static string Address(string tag) => $"{tag}-{Guid.NewGuid():N}@example.bg";

    /// <summary>The footer form posts without an antiforgery token, as a browser does from any page.</summary>
    private async Task<HttpResponseMessage> SubscribeAsync(string email, string culture = "bg") =>
        await f.Browser(culture).PostAsync("/newsletter/subscribe", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Culture"] = culture,
        }));

    private async Task<List<MimeMessage>> MailsToAsync(string email) =>
        (await f.DeliverAsync()).Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>An administrator writes an issue through the form; returns its preview path.</summary>
    private static async Task<string> WriteIssueAsync(HttpClient admin, string subject, string audience = "subscribers", Guid? processId = null)
    {
        var response = await admin.PostFormAsync("/admin/newsletters/edit", new Dictionary<string, string>
        {
            ["Input.SubjectBg"] = subject + " бг",
            ["Input.SubjectEn"] = subject + " en",
            ["Input.BodyBg"] = "Първи абзац.\n\nВтори абзац.",
            ["Input.BodyEn"] = "First paragraph.\n\nSecond paragraph.",
            ["Input.Audience"] = audience,
            ["Input.ProcessId"] = processId?.ToString() ?? "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Location();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient admin, string preview) =>
        admin.PostFormAsync(preview, new Dictionary<string, string>(), preview + "?handler=Send");

    [Fact]
    public async Task Footer_OnEveryPage_HasTheSubscribeForm()
    {
        foreach (var path in new[] { "/", "/news", "/privacy" })
        {
            var html = await f.Browser().HtmlAsync(path);
            Assert.Contains("action=\"/newsletter/subscribe\"", html, StringComparison.Ordinal);
            Assert.Contains("Информационен бюлетин", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Subscribe_InvalidAddress_ShowsErrorAndStoresNothing()
    {
        var response = await SubscribeAsync("not-an-address");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("not-an-address", html, StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<NewsletterSubscriber>().AnyAsync(s => s.Email == "not-an-address")));
    }

    [Fact]
    public async Task DoubleOptIn_UnconfirmedGetsNothing_ConfirmLinkWorksOnce()
    {
        var (factory, _, admin) = await AdminAsync();
        await using (factory)
        {
            var email = Address("optin");
            var response = await factory.Browser("en").PostAsync("/newsletter/subscribe", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email.ToUpperInvariant(),
                ["Input.Culture"] = "en",
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("If the address is not subscribed yet", await response.TextAsync(), StringComparison.Ordinal);
            var confirmation = Assert.Single(await factory.DeliverAsync());
            Assert.Equal(email, confirmation.To.Mailboxes.Single().Address);
            Assert.Equal("Confirm your subscription to the Agora newsletter", confirmation.Subject);

            // Not confirmed yet: an issue does not reach the address.
            await SendAsync(admin, await WriteIssueAsync(admin, "Преди потвърждение"));
            Assert.Single(await factory.DeliverAsync());

            // The link only asks; the button confirms, once.
            var link = confirmation.Link("/newsletter/confirm");
            var reader = factory.Browser("en");
            Assert.Contains(email, await reader.HtmlAsync(link), StringComparison.Ordinal);
            Assert.Equal(SubscriptionStatus.Pending, await Status(factory, email));
            var confirmed = await reader.PostFormAsync(link, new Dictionary<string, string>());
            Assert.Contains("Your subscription is confirmed", await confirmed.TextAsync(), StringComparison.Ordinal);
            Assert.Equal(SubscriptionStatus.Confirmed, await Status(factory, email));
            Assert.Contains("The link is invalid, already used or expired", await reader.HtmlAsync(link), StringComparison.Ordinal);
            var replay = await reader.PostFormAsync("/newsletter/subscribe", new Dictionary<string, string> { ["token"] = link.Split("token=")[1] }, link);
            Assert.Contains("The link is invalid, already used or expired", await replay.TextAsync(), StringComparison.Ordinal);

            // Confirmed: the next issue arrives, in the chosen language.
            await SendAsync(admin, await WriteIssueAsync(admin, "След потвърждение"));
            // Mail files are named by Message-Id, so find the issue by its subject rather than by order.
            var issue = (await factory.DeliverAsync()).Single(m => (m.Subject ?? "").StartsWith("След потвърждение", StringComparison.Ordinal));
            Assert.Equal(email, issue.To.Mailboxes.Single().Address);
            Assert.Equal("След потвърждение en", issue.Subject);
        }
    }

    [Fact]
    public async Task Resubscribe_ExistingAddress_SameAnswerAndNoNewMail()
    {
        var existing = Address("existing");
        await Confirmed(f, existing, "bg");
        var fresh = Address("fresh");
        var a = await (await SubscribeAsync(existing)).TextAsync();
        var b = await (await SubscribeAsync(fresh)).TextAsync();
        Assert.Equal(a.Replace(existing, "", StringComparison.Ordinal), b.Replace(fresh, "", StringComparison.Ordinal));
        Assert.Empty(await MailsToAsync(existing));
        Assert.Single(await MailsToAsync(fresh));
        Assert.Equal(SubscriptionStatus.Confirmed, await Status(f, existing));
    }

    [Fact]
    public async Task Send_EachInTheirLanguage_CountedAuditedAndNeverTwice()
    {
        var (factory, _, client) = await AdminAsync();
        await using (factory)
        {
            var bg = Address("bg");
            var en = Address("en");
            var pending = Address("pending");
            await Confirmed(factory, bg, "bg");
            await Confirmed(factory, en, "en");
            await factory.DbAsync(async db =>
            {
                db.Add(new NewsletterSubscriber { Email = pending, Status = SubscriptionStatus.Pending, CreatedAt = DateTime.UtcNow });
                return await db.SaveChangesAsync();
            });
            var preview = await WriteIssueAsync(client, "Брой 1");
            Assert.Contains("2", await client.HtmlAsync(preview), StringComparison.Ordinal);

            var sent = await SendAsync(client, preview);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Contains("Броят е изпратен до 2 получатели.", await client.HtmlAsync(sent.Location()), StringComparison.Ordinal);
            var mails = await factory.DeliverAsync();
            Assert.Equal(2, mails.Count);
            var toBg = mails.Single(m => m.To.Mailboxes.Single().Address == bg);
            var toEn = mails.Single(m => m.To.Mailboxes.Single().Address == en);
            Assert.Equal("Брой 1 бг", toBg.Subject);
            Assert.Contains("Втори абзац.", toBg.TextBody, StringComparison.Ordinal);
            Assert.Equal("Брой 1 en", toEn.Subject);
            Assert.Contains("Second paragraph.", toEn.TextBody, StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", toEn.Headers["List-Unsubscribe-Post"]);
            Assert.StartsWith("<http", toEn.Headers["List-Unsubscribe"], StringComparison.Ordinal);

            var id = Guid.Parse(preview.Split('/').Last());
            var issue = await factory.DbAsync(db => db.Set<NewsletterIssue>().SingleAsync(i => i.Id == id));
            Assert.Equal(2, issue.RecipientCount);
            Assert.NotNull(issue.SentAt);
            Assert.True(await factory.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "newsletter.send" && a.TargetId == id.ToString())));

            // A second click (or a second administrator) sends nothing; a sent issue cannot be edited either.
            var twice = await SendAsync(client, preview);
            Assert.Contains("вече е изпратен", await client.HtmlAsync(twice.Location()), StringComparison.Ordinal);
            Assert.Equal(2, await factory.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject.StartsWith("Брой 1"))));
            var edit = await client.GetAsync("/admin/newsletters/edit/" + id);
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
            Assert.Null(await factory.InScopeAsync(sp => sp.GetRequiredService<NewsletterService>()
                .SendAsync(id, new System.Security.Claims.ClaimsPrincipal(), CancellationToken.None)));
        }
    }

    [Fact]
    public async Task Send_ToFollowersOfAProcess_DedupedAndSkipsUnsubscribed()
    {
        var (factory, _, client) = await AdminAsync();
        await using (factory)
        {
            var process = await factory.ProcessAsync(components: "news");
            var a = await factory.PersonAsync(culture: "en");
            var b = await factory.PersonAsync(culture: "bg");
            var gone = await factory.PersonAsync(culture: "bg");
            await factory.DbAsync(async db =>
            {
                foreach (var u in new[] { a, b, gone })
                    db.Add(new ProcessFollower { ProcessId = process.Id, UserId = u.Id, CreatedAt = DateTime.UtcNow });
                db.Add(new NewsletterSubscriber
                {
                    Email = NewsletterSubscriber.Normalize(gone.Email!),
                    Status = SubscriptionStatus.Unsubscribed,
                    CreatedAt = DateTime.UtcNow,
                    UnsubscribedAt = DateTime.UtcNow,
                });
                return await db.SaveChangesAsync();
            });

            // The process is required for this audience.
            var missing = await client.PostFormAsync("/admin/newsletters/edit", new Dictionary<string, string>
            {
                ["Input.SubjectBg"] = "Т",
                ["Input.SubjectEn"] = "S",
                ["Input.BodyBg"] = "Т",
                ["Input.BodyEn"] = "B",
                ["Input.Audience"] = "followers",
                ["Input.ProcessId"] = "",
            });
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Contains("Изберете процес за тези получатели.", await missing.TextAsync(), StringComparison.Ordinal);

            var preview = await WriteIssueAsync(client, "За следващите", "followers", process.Id);
            await SendAsync(client, preview);
            var mails = await factory.DeliverAsync();
            Assert.Equal(2, mails.Count);
            Assert.Equal("За следващите en", mails.Single(m => m.To.Mailboxes.Single().Address == a.Email).Subject);
            Assert.Equal("За следващите бг", mails.Single(m => m.To.Mailboxes.Single().Address == b.Email).Subject);

            // An audience plugged in by another module may repeat addresses (in any case): each gets one e-mail.
            var recipients = await factory.InScopeAsync(async sp =>
            {
                var s = ActivatorUtilities.CreateInstance<NewsletterService>(sp, (IEnumerable<INewsletterAudience>)[new FixedAudience()]);
                return await s.RecipientsAsync(new NewsletterIssue { AudienceKey = "fixed" }, CancellationToken.None);
            });
            Assert.Equal([("x@example.bg", "en"), ("y@example.bg", "bg")], recipients);
        }
    }

    [Fact]
    public async Task OneClickUnsubscribe_FromIssue_WorksWithoutSignInOrAntiforgery()
    {
        var (factory, _, client) = await AdminAsync();
        await using (factory)
        {
            var email = Address("leaver");
            await Confirmed(factory, email, "bg");
            await SendAsync(client, await WriteIssueAsync(client, "Брой с отписване"));
            var issue = (await factory.DeliverAsync()).Single(m => m.To.Mailboxes.Single().Address == email);
            var url = new Uri(issue.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
            Assert.Equal(url, issue.Link("/newsletter/unsubscribe"));

            // GET asks and changes nothing (mail scanners open links).
            var ask = await factory.Browser().GetAsync(url);
            var html = await ask.TextAsync();
            Assert.Contains(email, html, StringComparison.Ordinal);
            Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
            Assert.Equal(SubscriptionStatus.Confirmed, await Status(factory, email));

            // A forged token does nothing.
            var cookieless = factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
            var forged = await cookieless.PostAsync("/newsletter/unsubscribe?token=abc",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Equal(SubscriptionStatus.Confirmed, await Status(factory, email));

            // RFC 8058 one-click POST from the mail client.
            var oneClick = await cookieless.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
            Assert.Equal(SubscriptionStatus.Unsubscribed, await Status(factory, email));

            await SendAsync(client, await WriteIssueAsync(client, "Следващ брой"));
            Assert.DoesNotContain(await factory.DeliverAsync(), m => (m.Subject ?? "").StartsWith("Следващ брой", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == email);
        }
    }

    [Fact]
    public async Task AdminPages_PlainUserOrProcessAdministrator_Refused()
    {
        var manager = await f.PersonAsync();
        await f.ProcessAsync(administrator: manager);
        foreach (var person in new[] { await f.PersonAsync(), manager })
        {
            var client = await f.SignedInAsync(person);
            foreach (var path in new[] { "/admin/newsletters", "/admin/newsletters/edit" })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/access-denied", response.Location(), StringComparison.Ordinal);
            }
        }
    }

    private sealed class FixedAudience : INewsletterAudience
    {
        public string Key => "fixed";
        public string Label => "fixed";

        public Task<IReadOnlyList<(string Email, string Culture)>> RecipientsAsync(Guid? processId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<(string Email, string Culture)>>(
                [("x@example.bg", "en-GB"), ("X@Example.bg ", "bg"), ("y@example.bg", "xx"), ("", "bg")]);
    }

    private static async Task<(AgoraFactory Factory, Agora.Web.Infrastructure.Identity.AgoraUser Admin, HttpClient Client)> AdminAsync()
        => await Builders.SoloAdministratorAsync();

    private static Task<SubscriptionStatus> Status(AgoraFactory factory, string email) =>
        factory.DbAsync(db => db.Set<NewsletterSubscriber>().Where(s => s.Email == NewsletterSubscriber.Normalize(email)).Select(s => s.Status).SingleAsync());

    private static Task<NewsletterSubscriber> Confirmed(AgoraFactory factory, string email, string culture) =>
        factory.DbAsync(async db =>
        {
            var s = new NewsletterSubscriber { Email = email, Culture = culture, Status = SubscriptionStatus.Confirmed, CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow };
            db.Add(s);
            await db.SaveChangesAsync();
            return s;
        });
}
