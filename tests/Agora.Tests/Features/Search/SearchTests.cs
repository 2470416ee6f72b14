using System.Net;
using System.Security.Claims;
using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Moderation;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Search;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Agora.Tests.Features.Search;

/// <summary>The app with its search index in this factory's own folder; the worker stays off so tests apply changes
/// themselves (<see cref="ApplyAsync"/>), except where the poller itself is under test.</summary>
public sealed class SearchFactory : AgoraFactory
{
    public SearchIndexer Indexer => Services.GetRequiredService<SearchIndexer>();

    /// <summary>Applies the change log now, as the poller would within a second.</summary>
    public async Task ApplyAsync() => await Indexer.EnsureReadyAsync(CancellationToken.None);

    public SearchResult Search(string q, SearchReader? reader = null, string? type = null) =>
        InScope(sp => sp.GetRequiredService<SearchService>().Search(new SearchRequest(q, type), reader ?? SearchReader.Anonymous));

    public T InScope<T>(Func<IServiceProvider, T> act)
    {
        using var scope = Services.CreateScope();
        return act(scope.ServiceProvider);
    }
}

public sealed class SearchTests
{
    private static async Task<(SearchFactory F, Process P, AgoraUser Author)> WithProcessAsync()
    {
        var f = new SearchFactory();
        await f.InitializeAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalProcessAsync();
        return (f, p, author);
    }

    private static async Task<Proposal> ProposalAsync(SearchFactory f, Process p, AgoraUser author, string title, string body)
    {
        var proposal = await f.ProposalAsync(p, author, title);
        await f.DbAsync(async db =>
        {
            var tracked = await db.Set<Proposal>().SingleAsync(x => x.Id == proposal.Id);
            tracked.Body = body;
            return await db.SaveChangesAsync();
        });
        return proposal;
    }

    private static IEnumerable<Guid> Ids(SearchResult r) => r.Hits.Select(h => h.Id);

    /// <summary>The page as text: highlighting marks split titles into several elements.</summary>
    private static async Task<string> TextAsync(HttpClient client, string url) =>
        System.Text.RegularExpressions.Regex.Replace(await client.HtmlAsync(url), "<[^>]+>", "");

    [Fact]
    public async Task Bulgarian_word_forms_match_through_the_stemmer()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        var streets = await ProposalAsync(f, p, author, "Ремонт на улиците в Лозенец", "Тротоарите са разбити.");
        var vote = await ProposalAsync(f, p, author, "Гражданите гласуваха за парк", "Резултатите от гласуването.");
        await f.ApplyAsync();

        Assert.Contains(streets.Id, Ids(f.Search("улица")));
        Assert.Contains(streets.Id, Ids(f.Search("улици")));
        Assert.Contains(vote.Id, Ids(f.Search("гласува")));
        var hit = f.Search("улица").Hits.Single(h => h.Id == streets.Id);
        Assert.True(hit.TitleHtml.Contains("<mark>улиците</mark>", StringComparison.Ordinal), hit.TitleHtml);
        Assert.Equal($"/processes/{p.Slug}/proposals/{streets.Id}", hit.Url);
        Assert.DoesNotContain(vote.Id, Ids(f.Search("улица")));
    }

    [Fact]
    public async Task Latin_queries_find_Cyrillic_text_and_Cyrillic_queries_find_Latin_names()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        var data = await ProposalAsync(f, p, author, "Отворени данни за бюджета", "Гражданско участие чрез отворени данни.");
        var park = await ProposalAsync(f, p, author, "Иновации в Sofia Tech Park", "Лаборатория за граждани.");
        await f.ApplyAsync();

        Assert.Contains(data.Id, Ids(f.Search("otvoreni danni")));
        Assert.Contains(data.Id, Ids(f.Search("grazhdansko uchastie")));
        Assert.Contains(data.Id, Ids(f.Search("grajdansko u4astie"))); // informal spellings
        Assert.Contains(data.Id, Ids(f.Search("otvorenite danni"))); // another form, in Latin letters
        Assert.Contains(park.Id, Ids(f.Search("софия тех парк")));
        Assert.Contains(park.Id, Ids(f.Search("sofia tech park")));
    }

    [Fact]
    public async Task Longer_words_tolerate_typos()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        var item = await ProposalAsync(f, p, author, "Велоалеи по булевардите", "Безопасност на велосипедистите.");
        await f.ApplyAsync();

        Assert.Contains(item.Id, Ids(f.Search("велосипедистие")));
        Assert.Contains(item.Id, Ids(f.Search("bezopasnst")));
        Assert.Empty(f.Search("вело").Hits); // short prefixes are not guessed at
    }

    [Fact]
    public async Task Each_role_sees_only_what_it_may()
    {
        var f = new SearchFactory();
        await f.InitializeAsync();
        await using var _ = f;
        var manager = await f.PersonAsync();
        var citizen = await f.PersonAsync();
        var author = await f.PersonAsync();
        var admin = await f.PersonAsync(role: Roles.Administrator);
        var draft = await f.ProcessAsync(published: false, components: "proposals", administrator: manager, title: "Чернова за водопровода");
        var open = await f.ProposalProcessAsync();
        var inDraft = await ProposalAsync(f, draft, author, "Водопровод в Банкя", "Ремонт на водопровода.");
        var visible = await ProposalAsync(f, open, author, "Водопровод в Искър", "Нов водопровод.");
        var hidden = await ProposalAsync(f, open, author, "Водопровод скрит", "Скрит от модератор.");
        await f.DbAsync(async db =>
        {
            (await db.Set<Proposal>().SingleAsync(x => x.Id == hidden.Id)).HiddenAt = DateTime.UtcNow;
            db.Add(new Organization { Slug = "vodoprovod-org", Name = new("Водопровод ЕАД", "Water Company"), Listed = false, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();

        var anonymous = await TextAsync(f.Browser(), "/search?q=водопровод");
        Assert.Contains("Водопровод в Искър", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Водопровод в Банкя", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Чернова за водопровода", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Водопровод скрит", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("Водопровод ЕАД", anonymous, StringComparison.Ordinal);

        var asCitizen = await TextAsync(await f.SignedInAsync(citizen), "/search?q=водопровод");
        Assert.Contains("Водопровод в Искър", asCitizen, StringComparison.Ordinal);
        Assert.DoesNotContain("Водопровод в Банкя", asCitizen, StringComparison.Ordinal);

        var asManager = await TextAsync(await f.SignedInAsync(manager), "/search?q=водопровод");
        Assert.Contains("Водопровод в Банкя", asManager, StringComparison.Ordinal);
        Assert.Contains("Чернова за водопровода", asManager, StringComparison.Ordinal);
        Assert.DoesNotContain("Водопровод скрит", asManager, StringComparison.Ordinal);
        Assert.DoesNotContain("Водопровод ЕАД", asManager, StringComparison.Ordinal);

        var asAdmin = f.Search("водопровод", SearchReader.Administrator);
        Assert.Contains(inDraft.Id, Ids(asAdmin));
        Assert.Contains(visible.Id, Ids(asAdmin));
        Assert.DoesNotContain(hidden.Id, Ids(asAdmin));
        Assert.Contains(asAdmin.Hits, h => h.Kind == "organization");

        // Publishing the process opens its content to everyone, without re-indexing each item.
        await f.DbAsync(async db =>
        {
            (await db.Set<Process>().SingleAsync(x => x.Id == draft.Id)).Published = true;
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();
        Assert.Contains(inDraft.Id, Ids(f.Search("водопровод")));
    }

    [Fact]
    public async Task Hiding_a_proposal_removes_it_from_results_within_seconds()
    {
        var f = new SearchFactory();
        f.Settings["Agora:Search:WorkerEnabled"] = "true";
        f.Settings["Agora:Search:PollInterval"] = "00:00:00.200";
        await f.InitializeAsync();
        await using var _ = f;
        var author = await f.PersonAsync();
        var admin = await f.PersonAsync(role: Roles.Administrator);
        var p = await f.ProposalProcessAsync();
        var proposal = await ProposalAsync(f, p, author, "Пейки в Южния парк", "Повече пейки.");
        await WaitUntilAsync(() => Ids(f.Search("пейки")).Contains(proposal.Id));

        await f.InScopeAsync(async sp =>
        {
            var moderation = sp.GetRequiredService<ModerationService>();
            var content = moderation.Content("proposal")!;
            var item = (await content.FindAsync([proposal.Id], null, CancellationToken.None))[proposal.Id];
            var moderator = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, admin.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));
            await moderation.DecideAsync(moderator, content, item, hide: true, "обидно", CancellationToken.None);
        });
        await WaitUntilAsync(() => !Ids(f.Search("пейки")).Contains(proposal.Id));
    }

    [Fact]
    public async Task Restoring_a_hidden_proposal_brings_back_its_comments_without_a_rebuild()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        var admin = await f.PersonAsync(role: Roles.Administrator);
        var proposal = await ProposalAsync(f, p, author, "Чешма в градинката", "Питейна вода.");
        var comment = new Comment { TargetType = "proposal", TargetId = proposal.Id, AuthorId = author.Id, Body = "Подкрепям чешмата", Depth = 1, CreatedAt = DateTime.UtcNow };
        comment.RootId = comment.Id;
        await f.DbAsync(async db =>
        {
            db.Add(comment);
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();
        Assert.Contains(comment.Id, Ids(f.Search("подкрепям")));

        async Task DecideAsync(bool hide) => await f.InScopeAsync(async sp =>
        {
            var moderation = sp.GetRequiredService<ModerationService>();
            var content = moderation.Content("proposal")!;
            var item = (await content.FindAsync([proposal.Id], null, CancellationToken.None))[proposal.Id];
            var moderator = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, admin.Id.ToString()), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));
            await moderation.DecideAsync(moderator, content, item, hide, "проверка", CancellationToken.None);
        });
        await DecideAsync(hide: true);
        await f.ApplyAsync();
        Assert.Empty(f.Search("подкрепям", SearchReader.Administrator).Hits);

        await DecideAsync(hide: false);
        await f.ApplyAsync();
        Assert.Contains(proposal.Id, Ids(f.Search("чешма")));
        Assert.Contains(comment.Id, Ids(f.Search("подкрепям")));
    }

    [Fact]
    public async Task Each_facet_counts_ignore_its_own_choice()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        for (var i = 0; i < 6; i++)
            await f.ProposalAsync(p, author, $"Пейка номер {i}", district: i < 4 ? "lozenets" : "mladost");
        await f.ApplyAsync();

        var r = f.InScope(sp => sp.GetRequiredService<SearchService>().Search(new SearchRequest("пейка", District: "lozenets"), SearchReader.Anonymous));
        Assert.Equal(4, r.Total);
        Assert.Equal(4, r.Hits.Count);
        // The district facet still offers the other district with its own count; the type facet follows the choice.
        Assert.Contains(new SearchFacet("lozenets", 4), r.Districts);
        Assert.Contains(new SearchFacet("mladost", 2), r.Districts);
        Assert.Equal([new SearchFacet("proposal", 4)], r.Types);

        var none = f.InScope(sp => sp.GetRequiredService<SearchService>().Search(new SearchRequest("пейка", Type: "news"), SearchReader.Anonymous));
        Assert.Equal(0, none.Total);
        Assert.Equal([new SearchFacet("proposal", 6)], none.Types);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "the index did not follow the change within 10 seconds");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_restarted_node_applies_changes_written_while_it_was_down()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        var folder = Path.Combine(Path.GetTempPath(), "agora-search-node-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SearchOptions { Directory = folder };
            SearchIndexer Node(SearchIndex index) => new(index, f.Services.GetServices<ISearchSource>(), f.Services.GetRequiredService<IServiceScopeFactory>(),
                TimeProvider.System, Options.Create(options), NullLogger<SearchIndexer>.Instance);
            var env = f.Services.GetRequiredService<IHostEnvironment>();

            long before;
            using (var index = new SearchIndex(options, env))
            {
                using var node = Node(index);
                await node.EnsureReadyAsync(CancellationToken.None);
                before = index.LastChangeId;
            }
            // The node is down: a change is written to the log only.
            var proposal = await ProposalAsync(f, p, author, "Фонтан на площада", "Работещ фонтан.");

            using (var index = new SearchIndex(options, env))
            {
                Assert.False(index.NeedsRebuild);
                Assert.Equal(before, index.LastChangeId);
                using var node = Node(index);
                await node.EnsureReadyAsync(CancellationToken.None);
                Assert.True(index.LastChangeId > before);
                var service = new SearchService(index, null!, TimeProvider.System);
                Assert.Contains(proposal.Id, Ids(service.Search(new SearchRequest("фонтан"), SearchReader.Anonymous)));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_results_as_following_the_log()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        await f.ApplyAsync();
        await ProposalAsync(f, p, author, "Детска площадка", "Пясъчник и люлки.");
        var edited = await ProposalAsync(f, p, author, "Площадка за кучета", "Ограда.");
        var gone = await ProposalAsync(f, p, author, "Площадка за скейтборд", "Рампа.");
        await f.DbAsync(async db =>
        {
            (await db.Set<Proposal>().SingleAsync(x => x.Id == edited.Id)).Title = "Площадки за кучета в Младост";
            db.Remove(await db.Set<Proposal>().SingleAsync(x => x.Id == gone.Id));
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();
        string[] queries = ["площадка", "кучета", "ploshtadka", "скейтборд", "младост"];
        var followed = queries.Select(q => string.Join(",", Ids(f.Search(q)).Order())).ToList();
        var documents = f.Indexer.Index.Count;

        await f.Indexer.RebuildAsync(CancellationToken.None);
        var rebuilt = queries.Select(q => string.Join(",", Ids(f.Search(q)).Order())).ToList();
        Assert.Equal(followed, rebuilt);
        Assert.Empty(f.Search("скейтборд").Hits);
        // The rebuild adds each item once and leaves one merged segment.
        Assert.Equal(documents, f.Indexer.Index.Count);
        Assert.Equal(1, f.Indexer.Index.SegmentCount);

        // The merged index goes on following the log.
        var later = await ProposalAsync(f, p, author, "Площадка за баскетбол", "Кош.");
        await f.ApplyAsync();
        Assert.Contains(later.Id, Ids(f.Search("баскетбол")));
        Assert.Equal(documents + 1, f.Indexer.Index.Count);
    }

    [Fact]
    public async Task A_long_backlog_of_applied_entries_does_not_hold_back_new_ones()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        await f.ApplyAsync();
        // More entries than one round reads, all within the late window (a sustained burst of writes).
        await f.DbAsync(async db =>
        {
            for (var i = 0; i < 6000; i++)
                db.Add(new SearchChange { Kind = "bench-noise", EntityId = Guid.NewGuid(), At = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(5000, await f.Indexer.ApplyChangesAsync(CancellationToken.None));
        Assert.Equal(1000, await f.Indexer.ApplyChangesAsync(CancellationToken.None));

        var proposal = await ProposalAsync(f, p, author, "Велоалея край Перловска", "Осветена, с пейки.");
        Assert.True(await f.Indexer.ApplyChangesAsync(CancellationToken.None) > 0);
        Assert.Contains(proposal.Id, Ids(f.Search("Перловска")));
    }

    [Fact]
    public async Task An_entry_committed_after_a_later_one_is_still_applied()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        await f.ApplyAsync();
        var first = await ProposalAsync(f, p, author, "Фонтан в Лозенец", "Питейна вода.");
        var held = await ProposalAsync(f, p, author, "Пейки в Овча купел", "Десет пейки.");
        // Its log entries are not visible yet, as if its transaction took its ids and committed after the next one.
        var entries = await f.DbAsync(async db =>
        {
            var rows = await db.Set<SearchChange>().Where(c => c.EntityId == held.Id).ToListAsync();
            db.RemoveRange(rows);
            await db.SaveChangesAsync();
            return rows;
        });
        Assert.NotEmpty(entries);
        var next = await ProposalAsync(f, p, author, "Чешма в Люлин", "Каменна чешма.");
        await f.Indexer.ApplyChangesAsync(CancellationToken.None);
        string kind = ProposalSearchSource.KindName;
        var indexed = f.Indexer.Index.Indexed(kind, [first.Id, held.Id, next.Id]);
        Assert.Contains(first.Id, indexed);
        Assert.Contains(next.Id, indexed);
        Assert.DoesNotContain(held.Id, indexed);

        // The late transaction commits: its entries keep their earlier ids, below the last applied one.
        await f.DbAsync(async db =>
        {
            db.AddRange(entries.Select(e => new SearchChange { Id = e.Id, Kind = e.Kind, EntityId = e.EntityId, At = DateTime.UtcNow }));
            return await db.SaveChangesAsync();
        });
        await f.Indexer.ApplyChangesAsync(CancellationToken.None);
        Assert.Contains(held.Id, f.Indexer.Index.Indexed(kind, [held.Id]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("и на за")]
    [InlineData("the and of")]
    [InlineData("title:(улица AND \"парк")]
    [InlineData("\"незатворени кавички")]
    [InlineData("*")]
    [InlineData("?~^[]{}\\/!-+&|")]
    [InlineData("улица~2 OR парк*")]
    [InlineData("?")]
    [InlineData("~")]
    [InlineData("\\")]
    [InlineData("\"")]
    [InlineData("улица \"парк")]
    public async Task Bad_queries_give_a_page_not_an_error(string q)
    {
        var f = new SearchFactory();
        await f.InitializeAsync();
        await using var _ = f;
        var response = await f.Browser().GetAsync("/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suggest = await f.Browser().GetAsync("/search/suggest?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
    }

    [Fact]
    public async Task Odd_input_to_the_service_gives_a_result_not_an_exception()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        await ProposalAsync(f, p, author, "Улица с дървета", "Засаждане.");
        await f.ApplyAsync();
        string[] inputs = ["", "и на за", "*", "?", "~", "\\", "\"", "\"улица", "улица\"", "улица*", "ул?ца", "улица~1", "+улица -парк",
            "(улица", "улица)", "[a TO z]", "title_bg:улица", "улица^10", "a && b || c", "/регекс/", new string('ж', 10_000),
            string.Concat(Enumerable.Repeat("улица ", 1700))];
        foreach (var q in inputs)
        {
            var r = f.Search(q);
            Assert.True(r.Problem != SearchProblem.None || r.Total >= 0, q);
        }
        Assert.Equal(SearchProblem.Empty, f.Search("*").Problem);
        Assert.Equal(SearchProblem.OnlyStopWords, f.Search("и на за").Problem);
        Assert.True(f.Search(new string('ж', 10_000)).Truncated);
        var quoted = f.Search("\"улица");
        Assert.Contains(quoted.Hits, h => h.TitleHtml.Contains("<mark>Улица</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Empty_stop_word_and_very_long_queries_explain_themselves()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        await ProposalAsync(f, p, author, "Улица с дървета", "Засаждане.");
        await f.ApplyAsync();
        var client = f.Browser("en");
        Assert.Contains("Type a word or phrase", await client.HtmlAsync("/search?q="), StringComparison.Ordinal);
        Assert.Contains("only very common words", await client.HtmlAsync("/search?q=" + Uri.EscapeDataString("и на за")), StringComparison.Ordinal);
        var huge = string.Concat(Enumerable.Repeat("улица ", 2000)); // 12,000 characters
        var page = await TextAsync(client, "/search?q=" + Uri.EscapeDataString(huge));
        Assert.Contains("The query is too long", page, StringComparison.Ordinal);
        Assert.Contains("Улица с дървета", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_page_has_facets_paging_and_suggestions()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        for (var i = 0; i < 25; i++)
            await f.ProposalAsync(p, author, $"Светофар номер {i}", district: i % 2 == 0 ? "lozenets" : null);
        await f.ApplyAsync();
        var client = f.Browser("en");

        var first = await client.HtmlAsync("/search?q=светофар");
        Assert.Contains("Results found: 25", first, StringComparison.Ordinal);
        Assert.Contains("Proposal</a> (25)", first, StringComparison.Ordinal);
        Assert.Contains("(13)", first, StringComparison.Ordinal); // the district facet
        Assert.Contains("page=2", first, StringComparison.Ordinal);
        Assert.Contains("<mark>", first, StringComparison.Ordinal);

        var filtered = await client.HtmlAsync("/search?q=светофар&district=lozenets&sort=date");
        Assert.Contains("Results found: 13", filtered, StringComparison.Ordinal);

        var json = await client.GetStringAsync("/search/suggest?q=svetof");
        Assert.Contains("Светофар", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_titles_and_the_proposals_filter_use_the_index()
    {
        var (f, p, author) = await WithProcessAsync();
        await using var _ = f;
        var existing = await ProposalAsync(f, p, author, "Осветление на улиците", "Нови лампи.");
        await f.ApplyAsync();

        var similar = await f.InScopeAsync(async sp => await SimilarProposals.FindAsync(sp.GetRequiredService<AgoraDb>(), p.Id,
            "Улично осветление", null, CancellationToken.None, sp.GetRequiredService<SearchService>()));
        Assert.Contains(similar, m => m.Id == existing.Id);

        var list = await TextAsync(f.Browser(), $"/processes/{p.Slug}/proposals?q=osvetlenie");
        Assert.Contains("Осветление на улиците", list, StringComparison.Ordinal);
    }
}
