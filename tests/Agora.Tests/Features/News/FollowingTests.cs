using System.Net;
using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.News;

public sealed class FollowingTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static async Task<HttpResponseMessage> FollowAsync(HttpClient client, Process process, string verb = "follow") =>
        await client.PostFormAsync($"/processes/{process.Slug}/news",
            new Dictionary<string, string> { ["returnUrl"] = $"/processes/{process.Slug}/news" }, $"/processes/{process.Slug}/{verb}");

    private Task<bool> FollowsAsync(Guid processId, Guid userId) =>
        f.DbAsync(db => db.Set<ProcessFollower>().AnyAsync(x => x.ProcessId == processId && x.UserId == userId));

    [Fact]
    public async Task Follow_ThenNewsPublished_FollowerEmailedInTheirLanguage_OneClickLinkStopsFollowing()
    {
        var manager = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "news", administrator: manager);
        var follower = await f.PersonAsync(culture: "en");
        var client = await f.SignedInAsync(follower);

        var follow = await FollowAsync(client, process);
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Equal($"/processes/{process.Slug}/news", follow.Location());
        Assert.True(await FollowsAsync(process.Id, follower.Id));
        Assert.Contains("Следвате процеса", await client.HtmlAsync($"/processes/{process.Slug}/news"), StringComparison.Ordinal);
        Assert.Contains(process.Title.Bg, await client.HtmlAsync("/account/manage/following"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await FollowAsync(client, process)).StatusCode); // a double click changes nothing
        Assert.Equal(1, await f.DbAsync(db => db.Set<ProcessFollower>().CountAsync(x => x.ProcessId == process.Id)));

        // A post is written and published: the follower hears once, in English, with a one-click link.
        var post = await NewsTests.PostAsync(f, process.Id, published: false, title: "Покана за среща");
        var admin = await f.SignedInAsync(manager);
        await admin.PostFormAsync($"/news/{post.Slug}/edit", new Dictionary<string, string>(), $"/news/{post.Slug}/edit?handler=Publish");
        await admin.PostFormAsync($"/news/{post.Slug}/edit", new Dictionary<string, string>(), $"/news/{post.Slug}/edit?handler=Unpublish");
        await admin.PostFormAsync($"/news/{post.Slug}/edit", new Dictionary<string, string>(), $"/news/{post.Slug}/edit?handler=Publish");
        var mails = (await f.DeliverAsync()).Where(m => m.To.Mailboxes.Any(b => b.Address == follower.Email)).ToList();
        var mail = Assert.Single(mails);
        Assert.Equal($"{process.Title.En}: Покана за среща EN", mail.Subject);
        Assert.Contains($"/news/{post.Slug}", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var header = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Equal(new Uri(header).PathAndQuery, mail.Link("/following/unsubscribe"));

        // GET only asks; the mail client's one-click POST (no cookies, no antiforgery token) stops following.
        var reader = f.Browser();
        var ask = await reader.GetAsync(mail.Link("/following/unsubscribe"));
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("<form method=\"post\"", await ask.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await FollowsAsync(process.Id, follower.Id));
        var oneClick = await f.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false }).PostAsync(new Uri(header).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False(await FollowsAsync(process.Id, follower.Id));
    }

    [Fact]
    public async Task Unsubscribe_ForgedToken_ChangesNothing()
    {
        var process = await f.ProcessAsync(components: "news");
        var follower = await f.PersonAsync();
        await FollowAsync(await f.SignedInAsync(follower), process);
        var response = await f.CreateClient(new() { HandleCookies = false }).PostAsync("/following/unsubscribe?token=CfDJ8forged",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Връзката е невалидна", await response.TextAsync(), StringComparison.Ordinal);
        Assert.True(await FollowsAsync(process.Id, follower.Id));
    }

    [Fact]
    public async Task Unfollow_ByButton_StopsFollowing()
    {
        var process = await f.ProcessAsync(components: "news");
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        await FollowAsync(client, process);
        var response = await FollowAsync(client, process, "unfollow");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await FollowsAsync(process.Id, person.Id));
    }

    [Fact]
    public async Task Follow_AnonymousOrInvisibleProcess_Refused()
    {
        var hidden = await f.ProcessAsync(published: false, components: "news");
        var client = await f.SignedInAsync(await f.PersonAsync());
        var visible = await f.ProcessAsync(components: "news");
        // The antiforgery token comes from a page the person can see; the hidden process is still a 404.
        var response = await client.PostFormAsync($"/processes/{visible.Slug}/news", new Dictionary<string, string>(), $"/processes/{hidden.Slug}/follow");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await f.DbAsync(db => db.Set<ProcessFollower>().AnyAsync(x => x.ProcessId == hidden.Id)));
        var anonymousPage = await f.Browser().HtmlAsync($"/processes/{visible.Slug}/news");
        Assert.Contains("/account/login?returnUrl=", anonymousPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventPublished_HandlerEmailsFollowersOfPublishedProcessOnly()
    {
        var process = await f.ProcessAsync(components: "news,events");
        var hidden = await f.ProcessAsync(published: false, components: "news,events");
        var follower = await f.PersonAsync(culture: "bg");
        await f.DbAsync(async db =>
        {
            db.Add(new ProcessFollower { ProcessId = process.Id, UserId = follower.Id, CreatedAt = DateTime.UtcNow });
            db.Add(new ProcessFollower { ProcessId = hidden.Id, UserId = follower.Id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        foreach (var (p, title) in new[] { (process, "Работна среща"), (hidden, "Скрита среща") })
        {
            await f.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<AgoraDb>();
                var e = new Event
                {
                    ProcessId = p.Id,
                    Title = new(title, title + " EN"),
                    StartsAt = new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc),
                    EndsAt = new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc),
                    Published = true,
                    CreatedAt = DateTime.UtcNow,
                    UpdatedAt = DateTime.UtcNow,
                };
                db.Add(e);
                // What the events module does: every handler, inside the unit of work that publishes.
                foreach (var handler in sp.GetServices<IEventPublishedHandler>())
                    await handler.OnEventPublishedAsync(e, CancellationToken.None);
                await db.SaveChangesAsync();
            });
        }
        var mails = (await f.DeliverAsync()).Where(m => m.To.Mailboxes.Any(b => b.Address == follower.Email)).ToList();
        var mail = Assert.Single(mails);
        Assert.Equal($"{process.Title.Bg}: Работна среща", mail.Subject);
        Assert.Contains("3 декември 2026 г., 10:00 ч.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/events/", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task PersonalData_IncludesFollows()
    {
        var process = await f.ProcessAsync(components: "news");
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        await FollowAsync(client, process);
        var download = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>(), "/account/manage/personal-data?handler=Download");
        var json = await download.Content.ReadAsStringAsync();
        Assert.Contains(process.Slug, json, StringComparison.Ordinal);
        Assert.Contains("\"following\"", json, StringComparison.Ordinal);
        Assert.Contains("\"newsletter\"", json, StringComparison.Ordinal);
    }
}
