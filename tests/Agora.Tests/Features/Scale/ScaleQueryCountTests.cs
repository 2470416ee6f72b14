using System.Net;
using Agora.Web.Features.Api;
using Agora.Web.Features.Budgets;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Events;
using Agora.Web.Features.News;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Infrastructure.Scale;
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
        var budget = await db.Set<Budget>().Where(b => b.ProcessId == process.Id).OrderByDescending(b => b.BallotCount).Select(b => b.Id).FirstAsync();
        var project = await db.Set<BudgetProject>().Where(x => x.BudgetId == budget).OrderByDescending(x => x.VoteCount).Select(x => x.Id).FirstAsync();
        var result = await db.Set<TrackedResult>().Where(r => r.ProcessId == process.Id).OrderByDescending(r => r.UpdateCount).ThenBy(r => r.CreatedAt).Select(r => r.Id).FirstAsync();
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
            $"{p}/budgets",
            $"{p}/budgets/{budget}",
            $"{p}/budgets/{budget}/projects/{project}",
            "/results",
            "/results?page=2",
            $"{p}/results",
            $"/results/{result}",
            "/search?q=парк",
            .. ApiSetup.Kinds(f.Services).Select(k => "/api/v1/" + k.Name),
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
            Ballots = await db.Set<Ballot>().CountAsync(),
            WrongBallotCounts = await db.Set<Budget>().CountAsync(b => b.BallotCount != db.Set<Ballot>().Count(x => x.BudgetId == b.Id)),
            WrongVoteCounts = await db.Set<BudgetProject>().CountAsync(p => p.VoteCount != db.Set<BallotChoice>().Count(c => c.ProjectId == p.Id)),
            EmptyBallots = await db.Set<Ballot>().CountAsync(b => !db.Set<BallotChoice>().Any(c => c.BallotId == b.Id)),
            NotFeasibleChosen = await db.Set<BallotChoice>().CountAsync(c => db.Set<BudgetProject>().Any(p => p.Id == c.ProjectId && p.Review != ProjectReview.Feasible)),
            UnentitledVoters = await db.Set<Ballot>().CountAsync(b => !db.Set<Agora.Web.Features.Verification.ResidentVerification>()
                .Any(v => v.UserId == b.VoterId && v.District == b.District && db.Set<Budget>().Any(x => x.Id == b.BudgetId && (x.District == null || x.District == v.District)))),
            Results = await db.Set<TrackedResult>().CountAsync(),
            WrongUpdateCounts = await db.Set<TrackedResult>().CountAsync(r => r.UpdateCount != db.Set<ResultUpdate>().Count(u => u.ResultId == r.Id)),
            WrongFollowerCounts = await db.Set<TrackedResult>().CountAsync(r => r.FollowerCount != db.Set<ResultFollower>().Count(u => u.ResultId == r.Id)),
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
        Assert.Equal(size.Ballots, facts.Ballots);
        Assert.Equal(0, facts.WrongBallotCounts);
        Assert.Equal(0, facts.WrongVoteCounts);
        Assert.Equal(0, facts.EmptyBallots);
        Assert.Equal(0, facts.NotFeasibleChosen);
        Assert.Equal(0, facts.UnentitledVoters);
        Assert.Equal(size.Results, facts.Results);
        Assert.Equal(0, facts.WrongUpdateCounts);
        Assert.Equal(0, facts.WrongFollowerCounts);
        // The bulk writer's raw inserts go through the same triggers as the pages' writes.
        Assert.Empty(await large.DbAsync(Agora.Tests.Features.Proposals.ProposalTallyTests.MismatchesAsync));

        // Every ballot is valid under its budget's rule (the same check the ballot form runs).
        var invalid = await large.DbAsync(async db =>
        {
            var budgets = await db.Set<Budget>().AsNoTracking().ToDictionaryAsync(b => b.Id);
            var projects = await db.Set<BudgetProject>().AsNoTracking().ToDictionaryAsync(p => p.Id);
            var chosen = await db.Set<Ballot>().AsNoTracking()
                .Select(b => new { b.BudgetId, Projects = db.Set<BallotChoice>().Where(c => c.BallotId == b.Id).Select(c => c.ProjectId).ToList() }).ToListAsync();
            return chosen.Count(b => BudgetService.Validate(budgets[b.BudgetId], b.Projects.Select(id => projects[id]).Where(p => p.BudgetId == b.BudgetId).ToList(), b.Projects.Count) != null);
        });
        Assert.Equal(0, invalid);

        // The bench citizens are verified and have not voted in the open budget the bench votes in.
        var bench = await large.DbAsync(async db =>
        {
            var ids = await db.Users.Where(u => u.Email!.StartsWith("bench-citizen-")).Select(u => u.Id).ToListAsync();
            var open = await db.Set<Budget>().OrderBy(b => b.Position).FirstAsync();
            return new
            {
                Verified = await db.Set<Agora.Web.Features.Verification.ResidentVerification>().CountAsync(v => ids.Contains(v.UserId)),
                Voted = await db.Set<Ballot>().CountAsync(b => b.BudgetId == open.Id && ids.Contains(b.VoterId)),
                open.Phase,
            };
        });
        Assert.Equal(PeopleScale.BenchCitizens, bench.Verified);
        Assert.Equal(0, bench.Voted);
        Assert.Equal(BudgetPhase.Voting, bench.Phase);

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
