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
}
