using System.Text.RegularExpressions;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Api;

/// <summary>The demo read through the API the way a developer would: every page by its next link.</summary>
public sealed partial class ApiDemoTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private async Task SeedAsync() => await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));

    [Fact]
    public async Task Proposals_PagedByNextLinks_AreExactlyThoseThePagesList()
    {
        await SeedAsync();
        var api = f.Anonymous();
        var first = await api.JsonAsync("/api/v1/proposals?limit=3");
        var next = first.GetProperty("next").GetString()!;
        Assert.StartsWith("http://localhost/api/v1/proposals?", next, StringComparison.Ordinal);
        Assert.Contains("limit=3", next, StringComparison.Ordinal);

        var items = await api.AllAsync("/api/v1/proposals?limit=3");
        var ids = items.Ids();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // The proposals page of the demo process lists the same proposals (all fit on its first page).
        var html = await f.Browser().HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/proposals");
        var onPage = ProposalLink().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(10, onPage.Count);
        Assert.Equal(onPage.Order(StringComparer.OrdinalIgnoreCase), ids.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

        // The counts and answers are the stored ones.
        var accepted = await f.DbAsync(db => db.Set<Proposal>().AsNoTracking().FirstAsync(p => p.State == ProposalState.Accepted));
        var item = items.Single(i => i.GetProperty("id").GetString() == accepted.Id.ToString());
        Assert.Equal("accepted", item.GetProperty("state").GetString());
        Assert.Equal(accepted.SupportCount, item.GetProperty("supportCount").GetInt32());
        Assert.Equal(accepted.CommentCount, item.GetProperty("commentCount").GetInt32());
        Assert.Equal(accepted.AnswerText, item.GetProperty("answer").GetProperty("text").GetString());
        Assert.Equal(ProcessesDemo.IccSlug, item.GetProperty("process").GetString());

        // Filtered by the process, the same set.
        var byProcess = await api.AllAsync($"/api/v1/proposals?process={ProcessesDemo.IccSlug}&limit=4");
        Assert.Equal(ids.Order(StringComparer.Ordinal), byProcess.Ids().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Organizations_AreTheRegistry_AndEveryKindAnswers()
    {
        await SeedAsync();
        var api = f.Anonymous();
        var orgs = await api.AllAsync("/api/v1/organizations?limit=5");
        var listed = await f.DbAsync(db => db.Set<Organization>().CountAsync(o => o.Listed));
        Assert.Equal(listed, orgs.Count);
        Assert.True(orgs.Count >= 14);
        var name = orgs[0].GetProperty("name");
        Assert.False(string.IsNullOrEmpty(name.GetProperty("bg").GetString()));
        Assert.True(name.TryGetProperty("en", out _));

        foreach (var kind in new[] { "processes", "events", "news", "debates", "comments", "guides", "courses" })
        {
            var all = await api.AllAsync($"/api/v1/{kind}?limit=2");
            Assert.NotEmpty(all);
            var one = await api.JsonAsync($"/api/v1/{kind}/{all[0].GetProperty("id").GetString()}");
            Assert.Equal(all[0].GetRawText(), one.GetRawText());
        }
        var process = (await api.JsonAsync("/api/v1/processes")).GetProperty("items")[0];
        Assert.NotEmpty(process.GetProperty("phases").EnumerateArray());
        var comment = (await api.JsonAsync("/api/v1/comments")).GetProperty("items")[0];
        Assert.False(comment.TryGetProperty("authorId", out _));
        Assert.False(string.IsNullOrEmpty(comment.GetProperty("author").GetString()));
    }

    [Theory]
    [InlineData("proposals")]
    [InlineData("comments")]
    [InlineData("events")]
    [InlineData("organizations")]
    [InlineData("processes")]
    [InlineData("news")]
    [InlineData("debates")]
    [InlineData("guides")]
    [InlineData("courses")]
    public async Task ListRequests_RunAFixedNumberOfQueries_WhateverTheLimit(string kind)
    {
        await SeedAsync();
        var api = f.Anonymous();
        await api.JsonAsync($"/api/v1/{kind}?limit=1"); // warm up: the first request compiles the queries
        var few = await QueriesAsync(api, $"/api/v1/{kind}?limit=1");
        Assert.Equal(few, await QueriesAsync(api, $"/api/v1/{kind}?limit=100"));
        Assert.True(few <= 1, $"{kind}: {few} queries");
        if (kind is "proposals" or "comments" or "events" or "news" or "debates" or "organizations")
            Assert.Equal(2, await QueriesAsync(api, $"/api/v1/{kind}?limit=100&process={ProcessesDemo.IccSlug}"));
    }

    /// <summary>The fewest queries of three runs: background workers (digests, opinion maps) share the counter.</summary>
    private async Task<int> QueriesAsync(HttpClient api, string url)
    {
        var counts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            f.Queries.Reset();
            await api.JsonAsync(url);
            counts.Add(f.Queries.Count);
        }
        return counts.Min();
    }

    [GeneratedRegex(@"/proposals/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})""", RegexOptions.IgnoreCase)]
    private static partial Regex ProposalLink();
}
