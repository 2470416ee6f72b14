using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Search;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agora.Tests.Features.Search;

/// <summary>The index follows what changes around a document: its parent's title, and the sources a new build brings.</summary>
public sealed class SearchFreshnessTests
{
    [Fact]
    public async Task Renaming_a_proposal_renames_it_in_its_comments_documents()
    {
        await using var f = new SearchFactory();
        await f.InitializeAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalProcessAsync();
        var proposal = await f.ProposalAsync(p, author, "Чешма в градинката");
        var comment = new Comment { TargetType = "proposal", TargetId = proposal.Id, AuthorId = author.Id, Body = "Подкрепям идеята", Depth = 1, CreatedAt = DateTime.UtcNow };
        comment.RootId = comment.Id;
        await f.DbAsync(async db =>
        {
            db.Add(comment);
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();
        Assert.Contains(comment.Id, f.Search("чешма", type: "comment").Hits.Select(h => h.Id));

        await f.DbAsync(async db =>
        {
            var tracked = await db.Set<Proposal>().SingleAsync(x => x.Id == proposal.Id);
            tracked.Title = "Фонтан на площада";
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();

        // The comment is found by the proposal's new name, and no longer by the old one.
        Assert.Contains(comment.Id, f.Search("фонтан", type: "comment").Hits.Select(h => h.Id));
        Assert.DoesNotContain(comment.Id, f.Search("чешма", type: "comment").Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task A_node_whose_index_lacks_a_source_of_this_build_rebuilds_by_itself()
    {
        await using var f = new SearchFactory();
        await f.InitializeAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalProcessAsync();
        var proposal = await f.ProposalAsync(p, author, "Велоалея по булеварда");
        var folder = Path.Combine(Path.GetTempPath(), "agora-search-sources-" + Guid.NewGuid().ToString("N"));
        var options = new SearchOptions { Directory = folder };
        var env = f.Services.GetRequiredService<IHostEnvironment>();
        SearchIndexer Node(SearchIndex index, IEnumerable<ISearchSource> sources) => new(index, sources,
            f.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, Options.Create(options), NullLogger<SearchIndexer>.Instance);
        try
        {
            // The previous build had no proposal source: its node read the log to the end without indexing proposals.
            var all = f.Services.GetServices<ISearchSource>().ToList();
            using (var index = new SearchIndex(options, env))
            {
                using var node = Node(index, all.Where(s => s.Kind != "proposal"));
                await node.EnsureReadyAsync(CancellationToken.None);
                Assert.Empty(new SearchService(index, null!, TimeProvider.System).Search(new SearchRequest("велоалея"), SearchReader.Anonymous).Hits);
            }

            // This build has it: the node finds its index from other sources and rebuilds, with no manual step.
            using (var index = new SearchIndex(options, env))
            {
                using var node = Node(index, all);
                await node.EnsureReadyAsync(CancellationToken.None);
                var hits = new SearchService(index, null!, TimeProvider.System).Search(new SearchRequest("велоалея"), SearchReader.Anonymous).Hits;
                Assert.Contains(proposal.Id, hits.Select(h => h.Id));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, true);
        }
    }
    /// <summary>A source whose rebuild waits until the test lets it go: a city's rebuild, which takes minutes.</summary>
    private sealed class SlowSource : ISearchSource
    {
        public SemaphoreSlim Gate { get; } = new(0);
        public string Kind => "slow-test";
        public IReadOnlyList<SearchTrigger> Triggers { get; } = [];
        public Task<IReadOnlyList<SearchDocument>> LoadAsync(Agora.Web.Infrastructure.Data.AgoraDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<SearchDocument>>([]);

        public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync(Agora.Web.Infrastructure.Data.AgoraDb db, int batchSize,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await Gate.WaitAsync(ct);
            yield break;
        }
    }

    [Fact]
    public async Task A_node_whose_rebuild_outlasts_the_start_wait_serves_and_says_search_is_still_being_prepared()
    {
        var slow = new SlowSource();
        await using var f = new SearchFactory();
        f.Settings["Agora:Search:WorkerEnabled"] = "true";
        f.Settings["Agora:Search:PollInterval"] = "00:00:00.200";
        f.Settings["Agora:Search:StartWait"] = "00:00:00.500";
        f.ConfigureTestServices(s => s.AddSingleton<ISearchSource>(slow));
        // The host starts although the new node's rebuild is still waiting for the slow source.
        await f.InitializeAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalProcessAsync();
        var proposal = await f.ProposalAsync(p, author, "Пейки в Южния парк");
        var browser = f.Browser();

        var meanwhile = await browser.HtmlAsync("/search?q=пейки");
        Assert.Contains("id=\"search-indexing\"", meanwhile, StringComparison.Ordinal);
        Assert.Contains("още се подготвя", meanwhile, StringComparison.Ordinal);
        Assert.Contains("search-indexing", await f.Browser("en").HtmlAsync("/search?q=пейки"), StringComparison.Ordinal);
        Assert.NotNull(f.InScope(sp => sp.GetRequiredService<SearchService>().IndexingSoFar));

        // The rebuild ends: the notice goes, and what was written meanwhile is found (the log is applied after it).
        slow.Gate.Release();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!f.Search("пейки").Hits.Any(h => h.Id == proposal.Id))
        {
            Assert.True(DateTime.UtcNow < until, "the proposal was not found within 10 s of the rebuild's end");
            await Task.Delay(100);
        }
        var after = await browser.HtmlAsync("/search?q=пейки");
        Assert.DoesNotContain("search-indexing", after, StringComparison.Ordinal);
        Assert.Contains($"/proposals/{proposal.Id}", after, StringComparison.Ordinal);
    }
}
