using System.Net;
using Agora.Web.Features.Api;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Events;
using Agora.Web.Features.News;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Scale;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Scale;

/// <summary>
/// Every list and detail page the generator fills sends the same number of SQL queries with five times the data
/// (issue 12: "tests, not timings"). Two databases are generated with the scale generator, one five times the other,
/// and each page is read there by an anonymous visitor and by a signed-in citizen.
/// </summary>
public sealed class ScaleQueryCountTests : IAsyncLifetime
{
    private readonly AgoraFactory small = new();
    private readonly AgoraFactory large = new();

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AGORA_BENCH_PASSWORD", "Bench-Password-1!");
        await small.InitializeAsync();
        await large.InitializeAsync();
        await SeedAsync(small, ScaleSize.Tiny(1));
        await SeedAsync(large, ScaleSize.Tiny(5));
    }

    public async ValueTask DisposeAsync()
    {
        await small.DisposeAsync();
        await large.DisposeAsync();
    }

    private static Task SeedAsync(AgoraFactory f, ScaleSize size) => f.InScopeAsync(async sp =>
    {
        var code = await sp.GetRequiredService<ScaleSeed>().RunAsync(size, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, code);
    });

    /// <summary>The pages of one database, found the same way in both: the first (largest) process, its most commented proposal …</summary>
    private static Task<string[]> PagesAsync(AgoraFactory f) => f.DbAsync(async db =>
    {
        var process = await db.Set<Process>().OrderBy(p => p.CreatedAt).ThenBy(p => p.Slug)
            .Where(p => p.Scope == "").Select(p => new { p.Id, p.Slug }).FirstAsync();
        var proposal = await db.Set<Proposal>().Where(p => p.ProcessId == process.Id).OrderByDescending(p => p.CommentCount)
            .Select(p => p.Id).FirstAsync();
        var ev = await db.Set<Event>().OrderByDescending(e => e.RegisteredCount).Select(e => e.Id).FirstAsync();
        var organization = await db.Set<Organization>().OrderBy(o => o.Slug).Select(o => o.Slug).FirstAsync();
        var debate = await db.Set<Debate>().Where(d => d.ProcessId == process.Id).OrderByDescending(d => d.CommentCount).Select(d => d.Id).FirstAsync();
        var news = await db.Set<NewsPost>().OrderByDescending(n => n.PublishedAt).Select(n => n.Slug).FirstAsync();
        var author = await db.Set<Comment>().Where(c => c.TargetId == proposal).Select(c => c.AuthorId).FirstAsync();
        var p = $"/processes/{process.Slug}";
        string[] pages =
        [
            "/",
            "/processes",
            p,
            $"{p}/proposals",
            $"{p}/proposals?sort=supported&state=published",
            $"{p}/proposals?sort=commented&page=2",
            $"{p}/proposals/{proposal}",
            $"{p}/events",
            $"{p}/organizations",
            "/events",
            $"/events/{ev}",
            "/organizations",
            $"/organizations/{organization}",
            $"/people/{author}",
            $"{p}/debates",
            $"{p}/debates/{debate}",
            $"{p}/news",
            "/news",
            $"/news/{news}",
            .. ApiSetup.Kinds.Select(k => "/api/v1/" + k.Name),
        ];
        return pages;
    });

    private static async Task<Dictionary<string, int>> CountAsync(AgoraFactory f, HttpClient client, string[] pages)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < pages.Length; i++)
        {
            await client.GetAsync(pages[i]); // warm: first-visit work (caches, culture) is not the page's
            f.Queries.Reset();
            var response = await client.GetAsync(pages[i]);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pages[i]} answered {(int)response.StatusCode}");
            counts[Key(i, pages[i])] = f.Queries.Count;
        }
        Assert.True(counts.Values.Sum() >= pages.Length, "the pages read the database");
        return counts;
    }

    // Ids and slugs differ between the two databases; the position names the page.
    private static string Key(int i, string page) => $"{i:D2} {page.Split('?')[0].Split('/').ElementAtOrDefault(1)}{(page.Contains('?', StringComparison.Ordinal) ? " ?" + page.Split('?')[1] : "")} ({page})";

    [Fact]
    public async Task EveryPage_SendsTheSameNumberOfQueries_WithFiveTimesTheData()
    {
        var smallPages = await PagesAsync(small);
        var largePages = await PagesAsync(large);
        Assert.Equal(smallPages.Length, largePages.Length);
        var few = await CountAsync(small, small.Browser(), smallPages);
        var many = await CountAsync(large, large.Browser(), largePages);
        var differ = few.Keys.Zip(many.Keys).Where(k => few[k.First] != many[k.Second])
            .Select(k => $"{k.Second}: {few[k.First]} queries with the smaller city, {many[k.Second]} with five times the data").ToList();
        Assert.True(differ.Count == 0, "Query counts grow with the data:\n" + string.Join('\n', differ));
    }

    [Fact]
    public async Task EveryPage_SendsTheSameNumberOfQueries_ForASignedInCitizen()
    {
        var smallPages = await PagesAsync(small);
        var largePages = await PagesAsync(large);
        var few = await CountAsync(small, await SignedInBenchCitizenAsync(small), smallPages);
        var many = await CountAsync(large, await SignedInBenchCitizenAsync(large), largePages);
        var differ = few.Keys.Zip(many.Keys).Where(k => few[k.First] != many[k.Second])
            .Select(k => $"{k.Second}: {few[k.First]} queries with the smaller city, {many[k.Second]} with five times the data").ToList();
        Assert.True(differ.Count == 0, "Query counts grow with the data:\n" + string.Join('\n', differ));
    }

    [Fact]
    public async Task GeneratedCity_KeepsItsStoredCountersAndUniqueRules()
    {
        var facts = await large.DbAsync(async db => new
        {
            Users = await db.Users.CountAsync(),
            Proposals = await db.Set<Proposal>().CountAsync(),
            Supports = await db.Set<ProposalSupport>().CountAsync(),
            SupportCounts = await db.Set<Proposal>().SumAsync(p => p.SupportCount),
            WrongSupportCounts = await db.Set<Proposal>().CountAsync(p => p.SupportCount != db.Set<ProposalSupport>().Count(s => s.ProposalId == p.Id)),
            WrongCommentCounts = await db.Set<Proposal>().CountAsync(p => p.CommentCount != db.Set<Comment>().Count(c => c.TargetId == p.Id && c.TargetType == "proposal")),
            WrongRegistrations = await db.Set<Event>().CountAsync(e => e.RegisteredCount != db.Set<EventRegistration>().Count(r => r.EventId == e.Id)),
            OverCapacity = await db.Set<Event>().CountAsync(e => e.Capacity != null && e.RegisteredCount > e.Capacity),
            SelfSupports = await db.Set<ProposalSupport>().CountAsync(s => db.Set<Proposal>().Any(p => p.Id == s.ProposalId && p.AuthorId == s.UserId)),
            TooDeep = await db.Set<Comment>().CountAsync(c => c.Depth > CommentService.MaxDepth),
            Emails = await db.Users.Select(u => u.NormalizedEmail).Distinct().CountAsync(),
        });
        var size = ScaleSize.Tiny(5);
        Assert.Equal(size.Users + PeopleScale.BenchCitizens + 1, facts.Users);
        Assert.Equal(size.Proposals, facts.Proposals);
        Assert.Equal(size.Supports, facts.Supports);
        Assert.Equal(facts.Supports, facts.SupportCounts);
        Assert.Equal(0, facts.WrongSupportCounts);
        Assert.Equal(0, facts.WrongCommentCounts);
        Assert.Equal(0, facts.WrongRegistrations);
        Assert.Equal(0, facts.OverCapacity);
        Assert.Equal(0, facts.SelfSupports);
        Assert.Equal(0, facts.TooDeep);
        Assert.Equal(facts.Users, facts.Emails);

        // A generated person reads back through Identity like any other (normalised names, stamps).
        var email = await large.DbAsync(db => db.Users.Where(u => !u.Email!.StartsWith("bench-")).Select(u => u.Email!).FirstAsync());
        var found = await large.InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Agora.Web.Infrastructure.Identity.AgoraUser>>().FindByEmailAsync(email));
        Assert.NotNull(found);
        Assert.False(string.IsNullOrEmpty(found.SecurityStamp));
    }

    [Fact]
    public async Task SeedScale_RefusesADatabaseThatHoldsData()
    {
        var output = new StringWriter();
        var code = await small.InScopeAsync(sp => sp.GetRequiredService<ScaleSeed>().RunAsync(ScaleSize.Tiny(1), output, CancellationToken.None));
        Assert.Equal(1, code);
        Assert.Contains("empty database", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInBenchCitizenAsync(AgoraFactory f)
    {
        var client = f.Browser();
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = PeopleScale.BenchCitizen(1),
            ["Input.Password"] = "Bench-Password-1!",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
