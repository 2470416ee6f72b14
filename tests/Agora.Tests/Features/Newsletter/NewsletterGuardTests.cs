using System.Net;
using System.Security.Claims;
using Agora.Web.Features.Newsletter;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Newsletter;

/// <summary>Guards that need their own platform: the rate limit of the sign-up form, simultaneous sends.</summary>
public sealed class NewsletterGuardTests
{
    [Fact]
    public async Task Subscribe_TooManyPostsFromOneClient_Refused429_ReadingStillWorks()
    {
        await using var f = new AgoraFactory();
        f.Settings["Agora:RateLimits:AccountPerMinute"] = "2";
        await f.InitializeAsync();
        var client = f.Browser();
        HttpResponseMessage Post(int i) => client.PostAsync("/newsletter/subscribe", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Email"] = $"rl{i}-{Guid.NewGuid():N}@example.bg" })).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.OK, Post(1).StatusCode);
        Assert.Equal(HttpStatusCode.OK, Post(2).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, Post(3).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/newsletter/subscribe")).StatusCode);
        Assert.Equal(2, await f.DbAsync(db => db.Set<NewsletterSubscriber>().CountAsync()));
    }

    [Fact]
    public async Task Send_TwoAtOnce_OnlyOneSends()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var issue = new NewsletterIssue
        {
            Subject = new("Едновременно", "At once"),
            Body = new("Текст.", "Text."),
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.DbAsync(async db =>
        {
            db.Add(issue);
            for (var i = 0; i < 5; i++)
                db.Add(new NewsletterSubscriber { Email = $"s{i}@example.bg", Status = SubscriptionStatus.Confirmed, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        async Task<int?> SendAsync()
        {
            try
            {
                return await f.InScopeAsync(sp => sp.GetRequiredService<NewsletterService>().SendAsync(issue.Id, new ClaimsPrincipal(), CancellationToken.None));
            }
            catch (System.Data.Common.DbException)
            {
                return null; // SQLite may refuse the loser's write outright instead of making it wait: still no second send
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        var results = await Task.WhenAll(Task.Run(SendAsync), Task.Run(SendAsync));
        Assert.Equal(5, Assert.Single(results, r => r != null));
        Assert.Equal(5, await f.DbAsync(db => db.OutboxMessages.CountAsync()));
    }
}
