using System.Net;
using Agora.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Proposals;

public sealed class NotificationTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Bell_ShowsUnread_PageMarksRead()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        var supporter = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);
        await supporter.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=support");
        var client = await f.SignedInAsync(author);
        var home = await client.HtmlAsync("/notifications");
        Assert.Contains("bell-count", home, StringComparison.Ordinal);
        Assert.Contains(p.Title, home, StringComparison.Ordinal);
        await client.PostFormAsync("/notifications", new Dictionary<string, string>(), "/notifications?handler=read");
        Assert.DoesNotContain("bell-count", await client.HtmlAsync("/notifications"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await f.Browser().GetAsync("/notifications")).StatusCode);
    }

    [Fact]
    public async Task Digest_DailyChoice_NoImmediateMail_ThenOneDigest()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        var client = await f.SignedInAsync(author);
        var r = await client.PostFormAsync("/notifications/settings", new Dictionary<string, string>
        {
            ["Input.Email"] = "Daily",
            ["Input.Replies"] = "true",
            ["Input.MyProposals"] = "true",
            ["Input.Followed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var url = ProposalTestData.Url(process, p.Id);
        for (var i = 0; i < 2; i++)
        {
            var s = await f.SignedInAsync(await f.PersonAsync());
            await s.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=support");
        }
        var before = (await f.DeliverAsync()).Count(m => m.To.Mailboxes.Any(b => b.Address == author.Email));
        Assert.Equal(0, before);
        var sent = await f.InScopeAsync(sp => sp.GetRequiredService<DigestSender>().SendAsync(CancellationToken.None));
        Assert.True(sent >= 1);
        var digest = await f.LastTo(author.Email!);
        Assert.Contains("2", digest.Subject, StringComparison.Ordinal);
        Assert.Contains(p.Title, digest.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == author.Id && n.EmailedAt == null)));
        // A second run sends nothing new to the same person.
        await f.InScopeAsync(sp => sp.GetRequiredService<DigestSender>().SendAsync(CancellationToken.None));
        Assert.Single(await f.DeliverAsync(), m => m.To.Mailboxes.Any(b => b.Address == author.Email));
    }

    [Fact]
    public async Task Digest_ConcurrentRuns_AsOnSeveralNodes_OneDigestPerPerson()
    {
        var process = await f.ProposalProcessAsync();
        var authors = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var author = await f.PersonAsync();
            var p = await f.ProposalAsync(process, author);
            var client = await f.SignedInAsync(author);
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/notifications/settings", new Dictionary<string, string>
            {
                ["Input.Email"] = "Daily",
                ["Input.Replies"] = "true",
                ["Input.MyProposals"] = "true",
                ["Input.Followed"] = "true",
            })).StatusCode);
            var url = ProposalTestData.Url(process, p.Id);
            var supporter = await f.SignedInAsync(await f.PersonAsync());
            await supporter.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=support");
            authors.Add(author.Email!);
        }
        // Every node's digest worker wakes at 07:00: three runs at once.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
            f.InScopeAsync(sp => sp.GetRequiredService<DigestSender>().SendAsync(CancellationToken.None)))));
        var mail = await f.DeliverAsync();
        foreach (var email in authors)
            Assert.Single(mail, m => m.To.Mailboxes.Any(b => b.Address == email));
    }

    [Fact]
    public async Task Settings_TurnedOff_NoNotificationOfThatKind()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        var client = await f.SignedInAsync(author);
        await client.PostFormAsync("/notifications/settings", new Dictionary<string, string>
        {
            ["Input.Email"] = "Off",
            ["Input.Replies"] = "true",
            ["Input.MyProposals"] = "false",
            ["Input.Followed"] = "true",
        });
        var s = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);
        await s.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=support");
        Assert.Equal(0, await f.DbAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == author.Id)));
    }
}
