using System.Net;
using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Search;

/// <summary>Everything people can read is searchable, and nothing they cannot reach is: the opinion map's
/// conversations and statements are found; a module switched off in a process takes its items out of the results.</summary>
public sealed class SearchCompletenessTests
{
    private static IEnumerable<Guid> Ids(SearchResult r) => r.Hits.Select(h => h.Id);

    private static Task<int> SetAsync<T>(SearchFactory f, Guid id, Action<T> change) where T : class =>
        f.DbAsync(async db =>
        {
            change(await db.Set<T>().SingleAsync(x => EF.Property<Guid>(x, "Id") == id));
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Conversations_and_their_accepted_statements_are_found_and_follow_publishing()
    {
        await using var f = new SearchFactory();
        await f.InitializeAsync();
        var process = await f.ProcessAsync(components: ConversationsSetup.ComponentKey);
        var now = DateTime.UtcNow;
        var published = new Conversation { ProcessId = process.Id, Topic = new("Велоалеите в Люлин", "Cycle lanes in Lyulin"), Description = new("Как да свържем квартала с центъра?", "How to link the district to the centre?"), Published = true, CreatedAt = now, UpdatedAt = now };
        var draft = new Conversation { ProcessId = process.Id, Topic = new("Чернова за трамваите", "Draft on trams"), Published = false, CreatedAt = now, UpdatedAt = now };
        var accepted = new Statement { ConversationId = published.Id, Number = 0, Text = "Велоалеята по булеварда трябва да е отделена от платното", Language = "bg", Status = StatementStatus.Accepted, CreatedAt = now };
        var english = new Statement { ConversationId = published.Id, Number = 1, Text = "Bike racks near every metro station", Language = "en", Status = StatementStatus.Accepted, CreatedAt = now };
        var pending = new Statement { ConversationId = published.Id, Number = 2, Text = "Велоалеи с подгряване през зимата", Language = "bg", Status = StatementStatus.Pending, CreatedAt = now };
        var inDraft = new Statement { ConversationId = draft.Id, Number = 0, Text = "Трамваите по-често вечер", Language = "bg", Status = StatementStatus.Accepted, CreatedAt = now };
        await f.DbAsync(async db =>
        {
            db.AddRange(published, draft, accepted, english, pending, inDraft);
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();

        // The conversation by its topic in both languages, the statement by a word form of its text.
        Assert.Contains(published.Id, Ids(f.Search("велоалеи", type: ConversationSearchSource.KindName)));
        Assert.Contains(published.Id, Ids(f.Search("cycle lanes", type: ConversationSearchSource.KindName)));
        var statements = f.Search("отделена", type: StatementSearchSource.KindName);
        var hit = Assert.Single(statements.Hits);
        Assert.Equal(accepted.Id, hit.Id);
        Assert.Equal($"/processes/{process.Slug}/conversations/{published.Id}", hit.Url);
        Assert.Contains(english.Id, Ids(f.Search("racks")));
        // Not what others cannot see: a statement waiting for moderation, a conversation not yet published.
        Assert.DoesNotContain(pending.Id, Ids(f.Search("подгряване")));
        Assert.Empty(f.Search("трамваите").Hits);

        // A moderator accepts the pending statement: it is found.
        await SetAsync<Statement>(f, pending.Id, s => s.Status = StatementStatus.Accepted);
        await f.ApplyAsync();
        Assert.Contains(pending.Id, Ids(f.Search("подгряване")));

        // Unpublishing takes the conversation and its statements out; publishing the other brings its statement in.
        await SetAsync<Conversation>(f, published.Id, c => c.Published = false);
        await SetAsync<Conversation>(f, draft.Id, c => c.Published = true);
        await f.ApplyAsync();
        Assert.Empty(f.Search("отделена").Hits);
        Assert.Empty(f.Search("велоалеи", type: ConversationSearchSource.KindName).Hits);
        Assert.Contains(inDraft.Id, Ids(f.Search("трамваите", type: StatementSearchSource.KindName)));

        // The results page names the kinds in the reader's language.
        var page = await f.Browser().HtmlAsync("/search?q=трамваите");
        Assert.Contains("Твърдение в разговор", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_switched_off_in_a_process_hides_its_items_from_everyone_until_switched_on()
    {
        await using var f = new SearchFactory();
        await f.InitializeAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalProcessAsync();
        var other = await f.ProposalProcessAsync();
        var proposal = await f.ProposalAsync(p, author, "Пейки в Борисовата градина");
        var elsewhere = await f.ProposalAsync(other, author, "Пейки пред читалището");
        var comment = new Comment { TargetType = "proposal", TargetId = proposal.Id, AuthorId = author.Id, Body = "Пейки и сянка, моля", Depth = 1, CreatedAt = DateTime.UtcNow };
        comment.RootId = comment.Id;
        await f.DbAsync(async db =>
        {
            db.Add(comment);
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();
        Assert.Contains(proposal.Id, Ids(f.Search("пейки")));
        Assert.Contains(comment.Id, Ids(f.Search("пейки")));

        // The administrator switches proposals off in the process: the pages answer 404, and search finds neither the
        // proposal nor its comment, for anyone. The process itself and the other process's proposal are still found.
        var components = p.Components;
        await SetAsync<Process>(f, p.Id, x => x.Components = string.Join(',', x.Components.Split(',').Where(c => c != "proposals")));
        await f.ApplyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/processes/{p.Slug}/proposals/{proposal.Id}")).StatusCode);
        foreach (var reader in new[] { SearchReader.Anonymous, SearchReader.Administrator, new SearchReader(false, new HashSet<Guid> { p.Id }) })
        {
            var ids = Ids(f.Search("пейки", reader)).ToList();
            Assert.DoesNotContain(proposal.Id, ids);
            Assert.DoesNotContain(comment.Id, ids);
            Assert.Contains(elsewhere.Id, ids);
        }
        var page = await f.Browser().HtmlAsync("/search?q=пейки");
        Assert.DoesNotContain("Борисовата градина", page, StringComparison.Ordinal);
        Assert.Contains("читалището", page, StringComparison.Ordinal);

        // Switched on again: both come back, without re-indexing them.
        await SetAsync<Process>(f, p.Id, x => x.Components = components);
        await f.ApplyAsync();
        Assert.Contains(proposal.Id, Ids(f.Search("пейки")));
        Assert.Contains(comment.Id, Ids(f.Search("пейки", SearchReader.Administrator)));
    }
}
