using System.Net;
using Agora.Tests.Features.Api;
using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Agora.Tests.Features.OutputCache;

/// <summary>The app as deployed: output caching on (the other tests switch it off to count every page's queries).</summary>
public sealed class CachingAgoraFactory : AgoraFactory
{
    public CachingAgoraFactory() => Settings["Agora:OutputCache:Enabled"] = "true";
}

public sealed class OutputCacheTests(CachingAgoraFactory f) : IClassFixture<CachingAgoraFactory>
{
    /// <summary>Issue 12: a vote must show in public counts within 2 seconds.</summary>
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    private static async Task<string> RawAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Reads <paramref name="url"/> anonymously until <paramref name="seen"/> holds; fails after 2 seconds.</summary>
    private async Task<string> AnonymousSeesWithinPromiseAsync(string url, Func<string, bool> seen)
    {
        var clock = Stopwatch.StartNew();
        string html;
        do
        {
            html = await f.Browser().HtmlAsync(url);
            if (seen(html))
                return html;
            await Task.Delay(100);
        } while (clock.Elapsed < Promise);
        Assert.Fail($"{url} did not show the change within {Promise.TotalSeconds} s");
        return html;
    }

    /// <summary>Reads twice, asserting the second read came from the cache (no SQL at all).</summary>
    private async Task<string> CachedAsync(string url, string culture = "bg")
    {
        var first = await RawAsync(f.Browser(culture), url);
        f.Queries.Reset();
        var second = await RawAsync(f.Browser(culture), url);
        Assert.Equal(0, f.Queries.Count);
        Assert.Equal(first, second);
        return WebUtility.HtmlDecode(second);
    }

    [Fact]
    public async Task ProposalListAndPage_SecondAnonymousRead_SendsNoQueriesAndSameHtml()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync(), "Кеширано предложение за парк");
        Assert.Contains("Кеширано предложение за парк", await CachedAsync(ProposalTestData.Url(process)), StringComparison.Ordinal);
        Assert.Contains("Кеширано предложение за парк", await CachedAsync(ProposalTestData.Url(process, p.Id)), StringComparison.Ordinal);
        // Every query variant is its own page.
        await CachedAsync(ProposalTestData.Url(process) + "?district=mladost");
        await CachedAsync("/processes/" + process.Slug);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/processes")]
    [InlineData("/events")]
    [InlineData("/organizations")]
    [InlineData("/news")]
    public async Task PublicLists_SecondAnonymousRead_SendsNoQueries(string url) => await CachedAsync(url);

    [Fact]
    public async Task Support_ThroughThePage_ShowsInAnonymousCountsWithinTwoSeconds()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync(), "Предложение за велоалея");
        var list = ProposalTestData.Url(process);
        var page = ProposalTestData.Url(process, p.Id);
        Assert.Contains("0 подкрепи", await CachedAsync(list), StringComparison.Ordinal);
        Assert.Contains("0 подкрепи", await CachedAsync(page), StringComparison.Ordinal);

        var citizen = await f.SignedInAsync(await f.PersonAsync());
        var r = await citizen.PostFormAsync(page, new Dictionary<string, string>(), page + "?handler=support");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.SupportCount).SingleAsync()));

        await AnonymousSeesWithinPromiseAsync(list, html => html.Contains(">1 подкрепи<", StringComparison.Ordinal));
        await AnonymousSeesWithinPromiseAsync(page, html => html.Contains(">1 подкрепи<", StringComparison.Ordinal));

        // Withdrawing (ExecuteDelete + ExecuteUpdate, no tracked change) shows too.
        r = await citizen.PostFormAsync(page, new Dictionary<string, string>(), page + "?handler=unsupport");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await AnonymousSeesWithinPromiseAsync(list, html => html.Contains(">0 подкрепи<", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_SecondRead_SendsNoQueries_AndASupportShowsWithinTwoSeconds()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var url = $"/api/v1/proposals?process={process.Slug}";
        var api = f.Anonymous();
        // A HEAD (no body) is not handed to a later GET.
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(new HttpRequestMessage(HttpMethod.Head, url))).StatusCode);
        Assert.Equal(0, (await api.JsonAsync(url)).GetProperty("items")[0].GetProperty("supportCount").GetInt32());
        f.Queries.Reset();
        Assert.Equal(0, (await api.JsonAsync(url)).GetProperty("items")[0].GetProperty("supportCount").GetInt32());
        Assert.Equal(0, f.Queries.Count);

        var page = ProposalTestData.Url(process, p.Id);
        var citizen = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.PostFormAsync(page, new Dictionary<string, string>(), page + "?handler=support")).StatusCode);
        var clock = Stopwatch.StartNew();
        while ((await api.JsonAsync(url)).GetProperty("items")[0].GetProperty("supportCount").GetInt32() != 1)
        {
            Assert.True(clock.Elapsed < Promise, "the API did not show the support within 2 s");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Store_RenderThatBeganBeforeAnEviction_IsNotStored()
    {
        var store = f.Services.GetRequiredService<IOutputCacheStore>();
        Assert.IsType<GuardedOutputCacheStore>(store);
        var generation = f.Services.GetRequiredService<OutputCachePolicies>().Generation;
        var http = new DefaultHttpContext();
        var requests = new HttpContextAccessor { HttpContext = http };
        try
        {
            // A request begins, a vote evicts while it renders, then it tries to store what it read before the vote.
            http.Items[AnonymousPagePolicy.GenerationKey] = generation.Current;
            await store.EvictByTagAsync(OutputCaching.ContentTag, default);
            await store.SetAsync("stale-render", [1], [OutputCaching.ContentTag], TimeSpan.FromMinutes(1), default);
            Assert.Null(await store.GetAsync("stale-render", default));

            // A request that began after it stores (retried: a background worker's write may evict in between).
            byte[]? stored = null;
            for (var i = 0; i < 5 && stored == null; i++)
            {
                http.Items[AnonymousPagePolicy.GenerationKey] = generation.Current;
                await store.SetAsync("fresh-render", [1], [OutputCaching.ContentTag], TimeSpan.FromMinutes(1), default);
                stored = await store.GetAsync("fresh-render", default);
            }
            Assert.NotNull(stored);
        }
        finally
        {
            requests.HttpContext = null;
        }
    }

    [Fact]
    public async Task Comment_ShowsOnCachedProposalPageWithinTwoSeconds()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var page = ProposalTestData.Url(process, p.Id);
        await CachedAsync(page);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var r = await client.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.TargetType"] = "proposal",
            ["Input.TargetId"] = p.Id.ToString(),
            ["Input.Body"] = "Кеширането не бива да крие този коментар.",
            ["Input.Stance"] = "InFavour",
        }, "/comments/new");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        await AnonymousSeesWithinPromiseAsync(page, html => html.Contains("Кеширането не бива да крие този коментар.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModeratorHidesProposal_RemovedFromCachedList()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync(), "Предложение, което модератор скрива");
        var list = ProposalTestData.Url(process);
        Assert.Contains("Предложение, което модератор скрива", await CachedAsync(list), StringComparison.Ordinal);
        var reporter = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.PostFormAsync($"/report/proposal/{p.Id}",
            new Dictionary<string, string> { ["Input.Reason"] = "Spam" })).StatusCode);
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        var r = await moderator.PostFormAsync("/admin/moderation", new Dictionary<string, string>
        {
            ["type"] = "proposal",
            ["id"] = p.Id.ToString(),
            ["hide"] = "true",
            ["reason"] = "Реклама",
        }, "/admin/moderation?handler=decide");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.NotNull(await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.HiddenAt).SingleAsync()));
        await AnonymousSeesWithinPromiseAsync(list, html => !html.Contains("Предложение, което модератор скрива", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignedInCitizen_NeverGetsTheAnonymousCopy_NorLeavesTheirs()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var page = ProposalTestData.Url(process, p.Id);
        Assert.Contains("Влезте, за да подкрепите", await CachedAsync(page), StringComparison.Ordinal);

        var citizen = await f.SignedInAsync(await f.PersonAsync());
        f.Queries.Reset();
        var theirs = await citizen.HtmlAsync(page);
        Assert.True(f.Queries.Count > 0, "a signed-in read was served from the cache");
        Assert.DoesNotContain("Влезте, за да подкрепите", theirs, StringComparison.Ordinal);
        Assert.Contains(">Подкрепям<", theirs, StringComparison.Ordinal);
        Assert.Contains("/account/manage", theirs, StringComparison.Ordinal);

        // Their page (antiforgery tokens, their name) was not stored for the next anonymous reader.
        var anonymous = await f.Browser().HtmlAsync(page);
        Assert.Contains("Влезте, за да подкрепите", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/manage", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Languages_EachReaderGetsTheirOwn()
    {
        var process = await f.ProposalProcessAsync();
        await f.ProposalAsync(process, await f.PersonAsync());
        var list = ProposalTestData.Url(process);
        Assert.Contains("0 подкрепи", await CachedAsync(list), StringComparison.Ordinal);
        // Accept-Language: en.
        Assert.Contains("0 supports", await CachedAsync(list, "en"), StringComparison.Ordinal);
        // ?culture=en on a bg browser, then the cookie it set without the query.
        var chooser = f.Browser();
        Assert.Contains("0 supports", await chooser.HtmlAsync(list + "?culture=en"), StringComparison.Ordinal);
        Assert.Contains("0 supports", await chooser.HtmlAsync(list), StringComparison.Ordinal);
        Assert.Contains("0 supports", await chooser.HtmlAsync(list), StringComparison.Ordinal);
        // And the cookie back to bg.
        Assert.Contains("0 подкрепи", await chooser.HtmlAsync(list + "?culture=bg"), StringComparison.Ordinal);
        Assert.Contains("0 подкрепи", await chooser.HtmlAsync(list), StringComparison.Ordinal);
        Assert.Contains("0 подкрепи", await f.Browser().HtmlAsync(list), StringComparison.Ordinal);
        Assert.Contains("0 supports", await f.Browser("en").HtmlAsync(list), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnpublishedProcess_ViewedByManager_StaysNotFoundForAnonymous()
    {
        var manager = await f.PersonAsync();
        var process = await f.ProcessAsync(published: false, administrator: manager, title: "Неоповестен процес на кмета");
        var url = "/processes/" + process.Slug;
        var managerClient = await f.SignedInAsync(manager);
        for (var i = 0; i < 2; i++)
            Assert.Contains("Неоповестен процес на кмета", await managerClient.HtmlAsync(url), StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            var r = await f.Browser().GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.DoesNotContain("Неоповестен процес на кмета", await r.TextAsync(), StringComparison.Ordinal);
        }
        // The 404 was not cached either: publishing shows the page at once.
        await f.DbAsync(async db =>
        {
            var row = await db.Set<Process>().SingleAsync(x => x.Id == process.Id);
            row.Published = true;
            row.PublishedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Неоповестен процес на кмета", await RawAsync(f.Browser(), url), StringComparison.Ordinal);
    }
}
