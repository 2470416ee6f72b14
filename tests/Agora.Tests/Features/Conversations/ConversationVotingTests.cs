using System.Net;
using Agora.Web.Features.Conversations;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Conversations;

public sealed class ConversationVotingTests(ConversationsFactory f) : IClassFixture<ConversationsFactory>
{
    [Fact]
    public async Task Vote_SignedIn_OneVotePerStatementAndReVoteUpdatesCounters()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Първо твърдение.", "Второ твърдение."]);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var first = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id && s.Number == 1));

        var page = await client.HtmlAsync(ConversationTestKit.Url(p, c));
        Assert.Contains("Първо твърдение.", page, StringComparison.Ordinal);
        Assert.Contains("Съгласен съм", page, StringComparison.Ordinal);

        var response = await client.VoteAsync(p, c, first.Id, 1);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConversationTestKit.Url(p, c), response.Location());
        await client.VoteAsync(p, c, first.Id, -1);

        var votes = await f.DbAsync(db => db.Set<StatementVote>().Where(v => v.StatementId == first.Id).ToListAsync());
        var vote = Assert.Single(votes);
        Assert.Equal(-1, vote.Value);
        var stored = await f.DbAsync(db => db.Set<Statement>().AsNoTracking().SingleAsync(s => s.Id == first.Id));
        Assert.Equal((0, 1, 0), (stored.AgreeCount, stored.DisagreeCount, stored.PassCount));
        var conv = await f.DbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(x => x.Id == c.Id));
        Assert.Equal(1, conv.VoteCount);
        Assert.Equal(1, conv.ParticipantCount);
        Assert.True(conv.Version > conv.ComputedVersion, "the vote marks the map for recomputation");

        // The voted statement is not shown again: the page moves on to the second one.
        page = await client.HtmlAsync(ConversationTestKit.Url(p, c));
        Assert.Contains("Второ твърдение.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Първо твърдение.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_AnonymousWhenNotAllowed_IsSentToSignIn()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, allowAnonymous: false, statements: ["Твърдение."]);
        var statement = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id));
        var client = f.Browser();
        var page = await client.HtmlAsync(ConversationTestKit.Url(p, c));
        Assert.Contains("Влезте в профила си, за да гласувате.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"value\"", page, StringComparison.Ordinal);

        var token = Http.Token(await client.HtmlAsync("/account/login"));
        var response = await client.PostAsync(ConversationTestKit.Url(p, c) + "?handler=Vote", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["statementId"] = statement.Id.ToString(),
            ["value"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Location(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<StatementVote>().AnyAsync(v => v.ConversationId == c.Id)));
    }

    [Fact]
    public async Task Vote_AnonymousWhenAllowed_UsesOnePerBrowserParticipant()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, allowAnonymous: true, statements: ["Едно.", "Две."]);
        var ids = await f.DbAsync(db => db.Set<Statement>().Where(s => s.ConversationId == c.Id).OrderBy(s => s.Number).Select(s => s.Id).ToListAsync());
        var client = f.Browser();
        var response = await client.VoteAsync(p, c, ids[0], 1);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(ConversationService.AnonymousCookie + "=", StringComparison.Ordinal)
            && h.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        await client.VoteAsync(p, c, ids[1], 0);

        var participant = Assert.Single(await f.DbAsync(db => db.Set<Participant>().Where(x => x.ConversationId == c.Id).ToListAsync()));
        Assert.Null(participant.UserId);
        Assert.Equal(64, participant.AnonymousTokenHash!.Length);
        Assert.Equal(2, await f.DbAsync(db => db.Set<StatementVote>().CountAsync(v => v.ParticipantId == participant.Id)));

        // Another browser is another participant.
        await f.Browser().VoteAsync(p, c, ids[0], -1);
        Assert.Equal(2, await f.DbAsync(db => db.Set<Participant>().CountAsync(x => x.ConversationId == c.Id)));
    }

    [Fact]
    public async Task Vote_ClosedConversation_IsRefused()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Твърдение."]);
        await f.DbAsync(db => db.Set<Conversation>().Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Closed, true)));
        var statement = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id));
        var client = await f.SignedInAsync(await f.PersonAsync());
        await client.VoteAsync(p, c, statement.Id, 1);
        Assert.False(await f.DbAsync(db => db.Set<StatementVote>().AnyAsync(v => v.ConversationId == c.Id)));
    }

    [Fact]
    public async Task Statement_PreModerated_HiddenUntilAccepted()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "conversations", administrator: admin);
        var c = await f.ConversationAsync(p, moderate: true, statements: ["Начално твърдение."]);
        var author = await f.SignedInAsync(await f.PersonAsync());
        var response = await author.PostFormAsync(ConversationTestKit.Url(p, c), new Dictionary<string, string>
        {
            ["NewStatement.Text"] = "Общината трябва да отговаря до три дни.",
        }, ConversationTestKit.Url(p, c) + "?handler=Statement");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var added = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id && !s.IsSeed));
        Assert.Equal(StatementStatus.Pending, added.Status);

        // Another participant votes on the seed and is then told there is nothing left: the pending one is hidden.
        var other = await f.SignedInAsync(await f.PersonAsync());
        var seed = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id && s.IsSeed));
        await other.VoteAsync(p, c, seed.Id, 1);
        var page = await other.HtmlAsync(ConversationTestKit.Url(p, c));
        Assert.DoesNotContain("Общината трябва да отговаря до три дни.", page, StringComparison.Ordinal);
        Assert.Contains("Гласувахте по всички твърдения", page, StringComparison.Ordinal);
        // Voting on a pending statement by id is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await other.VoteAsync(p, c, added.Id, 1)).StatusCode);

        var adminClient = await f.SignedInAsync(admin);
        var manage = await adminClient.HtmlAsync(ConversationTestKit.Url(p, c, "/manage"));
        Assert.Contains("Общината трябва да отговаря до три дни.", manage, StringComparison.Ordinal);
        await adminClient.PostFormAsync(ConversationTestKit.Url(p, c, "/manage"), new Dictionary<string, string>
        {
            ["statementId"] = added.Id.ToString(),
            ["accept"] = "true",
        }, ConversationTestKit.Url(p, c, "/manage") + "?handler=Moderate");

        page = await other.HtmlAsync(ConversationTestKit.Url(p, c));
        Assert.Contains("Общината трябва да отговаря до три дни.", page, StringComparison.Ordinal);
        // The author never gets their own statement to vote on.
        Assert.DoesNotContain("Общината трябва да отговаря до три дни.", await author.HtmlAsync(ConversationTestKit.Url(p, c)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_Empty_ShowsErrorAndSavesNothing()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Твърдение."]);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await client.PostFormAsync(ConversationTestKit.Url(p, c), new Dictionary<string, string> { ["NewStatement.Text"] = "  " },
            ConversationTestKit.Url(p, c) + "?handler=Statement");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await f.DbAsync(db => db.Set<Statement>().CountAsync(s => s.ConversationId == c.Id)));
    }

    [Fact]
    public async Task Next_FavoursFewVotesAndDisagreement_NeverOwnOrVoted()
    {
        Assert.True(ConversationService.Priority(0, 0, 0) > ConversationService.Priority(5, 5, 0));
        Assert.True(ConversationService.Priority(5, 5, 0) > ConversationService.Priority(10, 0, 0));
        Assert.True(ConversationService.Priority(3, 3, 0) > ConversationService.Priority(6, 0, 0));

        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Единодушно.", "Спорно.", "Ново."]);
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Agora.Web.Infrastructure.Data.AgoraDb>();
            var s = await db.Set<Statement>().Where(x => x.ConversationId == c.Id).OrderBy(x => x.Number).ToListAsync();
            (s[0].AgreeCount, s[0].DisagreeCount) = (9, 0);
            (s[1].AgreeCount, s[1].DisagreeCount) = (5, 4);
            await db.SaveChangesAsync();
            var service = sp.GetRequiredService<ConversationService>();
            var me = await service.GetOrCreateParticipantAsync(c.Id, new ParticipantKey(null, new string('a', 64)), CancellationToken.None);

            var next = await service.NextAsync(c.Id, me.Id, CancellationToken.None);
            Assert.Equal(3, next!.Number); // unvoted first
            Assert.Equal(3, next.Remaining);
            var conversation = await db.Set<Conversation>().AsNoTracking().SingleAsync(x => x.Id == c.Id);
            await service.VoteAsync(conversation, me, next.Id, 0, CancellationToken.None);
            next = await service.NextAsync(c.Id, me.Id, CancellationToken.None);
            Assert.Equal(2, next!.Number); // then the split one before the one-sided one
            await service.VoteAsync(conversation, me, next.Id, 1, CancellationToken.None);
            // My own statement is never offered to me.
            await service.AddStatementAsync(conversation, me.Id, "Моето твърдение.", seed: false, "", CancellationToken.None);
            next = await service.NextAsync(c.Id, me.Id, CancellationToken.None);
            Assert.Equal(1, next!.Number);
            await service.VoteAsync(conversation, me, next.Id, 1, CancellationToken.None);
            Assert.Null(await service.NextAsync(c.Id, me.Id, CancellationToken.None));
        });
    }

    [Fact]
    public async Task VotePage_QueryCount_DoesNotGrowWithStatementsOrVotes()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var small = await f.ConversationAsync(p, statements: ["Едно.", "Две."]);
        var large = await f.ConversationAsync(p, statements: [.. Enumerable.Range(1, 30).Select(i => $"Твърдение {i}.")]);
        var client = await f.SignedInAsync(await f.PersonAsync());
        foreach (var c in new[] { small, large })
        {
            var first = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id && s.Number == 1));
            await client.VoteAsync(p, c, first.Id, 1);
        }
        await client.HtmlAsync(ConversationTestKit.Url(p, small));
        f.Queries.Reset();
        await client.HtmlAsync(ConversationTestKit.Url(p, small));
        var smallCount = f.Queries.Count;
        f.Queries.Reset();
        await client.HtmlAsync(ConversationTestKit.Url(p, large));
        Assert.Equal(smallCount, f.Queries.Count);
        Assert.True(smallCount <= 10, $"{smallCount} queries");
    }

    [Fact]
    public async Task Pages_UnpublishedConversationOrComponentOff_AreNotFound()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var hidden = await f.ConversationAsync(p, published: false, statements: ["Скрито."]);
        var client = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ConversationTestKit.Url(p, hidden))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ConversationTestKit.Url(p, hidden, "/results"))).StatusCode);
        Assert.DoesNotContain("Тестов разговор", await client.HtmlAsync($"/processes/{p.Slug}/conversations"), StringComparison.Ordinal);

        var off = await f.ProcessAsync(components: "events");
        var c = await f.ConversationAsync(off, statements: ["Твърдение."]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ConversationTestKit.Url(off, c))).StatusCode);

        var draft = await f.ProcessAsync(published: false, components: "conversations");
        var d = await f.ConversationAsync(draft, statements: ["Твърдение."]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ConversationTestKit.Url(draft, d))).StatusCode);
    }

    [Fact]
    public async Task ManageAndExport_RequireProcessAdministrator()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "conversations", administrator: admin);
        var c = await f.ConversationAsync(p, statements: ["Твърдение."]);

        var anonymous = await f.Browser().GetAsync(ConversationTestKit.Url(p, c, "/manage"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Location(), StringComparison.Ordinal);

        var plain = await f.SignedInAsync(await f.PersonAsync());
        var refused = await plain.GetAsync(ConversationTestKit.Url(p, c, "/manage"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync(ConversationTestKit.Url(p, c, "/export/votes.csv"))).StatusCode);
        Assert.DoesNotContain("Нов разговор", await plain.HtmlAsync($"/processes/{p.Slug}/conversations"), StringComparison.Ordinal);

        var manager = await f.SignedInAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(ConversationTestKit.Url(p, c, "/manage"))).StatusCode);
        var export = await manager.GetAsync(ConversationTestKit.Url(p, c, "/export/comments.csv"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("timestamp,comment-id,author-id", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(ConversationTestKit.Url(p, c, "/export/secrets.csv"))).StatusCode);
        Assert.Contains("Нов разговор", await manager.HtmlAsync($"/processes/{p.Slug}/conversations"), StringComparison.Ordinal);

        // A site administrator manages every process (with two-factor, like every staff page).
        var site = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync(ConversationTestKit.Url(p, c, "/manage"))).StatusCode);
    }

    [Fact]
    public async Task Create_ProcessAdministrator_AddsConversationAndSeeds()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "conversations", administrator: admin);
        var client = await f.SignedInAsync(admin);
        var response = await client.PostFormAsync($"/processes/{p.Slug}/conversations", new Dictionary<string, string>
        {
            ["Create.TopicBg"] = "Паркиране в центъра",
            ["Create.TopicEn"] = "Parking in the centre",
            ["Create.Published"] = "true",
            ["Create.AllowAnonymous"] = "true",
        }, $"/processes/{p.Slug}/conversations?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var c = await f.DbAsync(db => db.Set<Conversation>().SingleAsync(x => x.ProcessId == p.Id));
        Assert.True(c.AllowAnonymous && c.Published && !c.ModerateStatements);

        await client.PostFormAsync(ConversationTestKit.Url(p, c, "/manage"), new Dictionary<string, string>
        {
            ["Seed.Text"] = "Синята зона трябва да се разшири.",
            ["Seed.TranslationEn"] = "The blue zone should be extended.",
        }, ConversationTestKit.Url(p, c, "/manage") + "?handler=Seed");
        var seed = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id));
        Assert.True(seed.IsSeed);
        Assert.Equal(StatementStatus.Accepted, seed.Status);
        Assert.Equal("bg", seed.Language);
        Assert.Contains("The blue zone should be extended.", await f.Browser("en").HtmlAsync(ConversationTestKit.Url(p, c) + "?culture=en"), StringComparison.Ordinal);

        // The topic can be edited; an empty topic is refused with a message and changes nothing.
        var edit = await client.PostFormAsync(ConversationTestKit.Url(p, c, "/manage"), new Dictionary<string, string>
        {
            ["Details.TopicBg"] = "",
            ["Details.TopicEn"] = "Parking",
        }, ConversationTestKit.Url(p, c, "/manage") + "?handler=Details");
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", await edit.TextAsync(), StringComparison.Ordinal);
        await client.PostFormAsync(ConversationTestKit.Url(p, c, "/manage"), new Dictionary<string, string>
        {
            ["Details.TopicBg"] = "Паркиране в Центъра",
            ["Details.TopicEn"] = "Parking downtown",
        }, ConversationTestKit.Url(p, c, "/manage") + "?handler=Details");
        Assert.Equal("Паркиране в Центъра", await f.DbAsync(db => db.Set<Conversation>().Where(x => x.Id == c.Id).Select(x => x.Topic.Bg).SingleAsync()));

        // A plain user cannot create one.
        var plain = await f.SignedInAsync(await f.PersonAsync());
        var token = Http.Token(await plain.HtmlAsync($"/processes/{p.Slug}/conversations"));
        var refused = await plain.PostAsync($"/processes/{p.Slug}/conversations?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Create.TopicBg"] = "Опит",
        }));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Location(), StringComparison.Ordinal);
        Assert.Equal(1, await f.DbAsync(db => db.Set<Conversation>().CountAsync(x => x.ProcessId == p.Id)));
    }

    [Fact]
    public async Task Vote_DuplicateRow_IsRefusedByTheDatabase()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Твърдение."]);
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Agora.Web.Infrastructure.Data.AgoraDb>();
            var service = sp.GetRequiredService<ConversationService>();
            var me = await service.GetOrCreateParticipantAsync(c.Id, new ParticipantKey(null, new string('b', 64)), CancellationToken.None);
            var s = await db.Set<Statement>().SingleAsync(x => x.ConversationId == c.Id);
            var conversation = await db.Set<Conversation>().AsNoTracking().SingleAsync(x => x.Id == c.Id);
            Assert.Equal(VoteOutcome.Recorded, await service.VoteAsync(conversation, me, s.Id, 1, CancellationToken.None));
            Assert.Equal(VoteOutcome.Unchanged, await service.VoteAsync(conversation, me, s.Id, 1, CancellationToken.None));
            Assert.Equal(VoteOutcome.Changed, await service.VoteAsync(conversation, me, s.Id, 0, CancellationToken.None));
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Agora.Web.Infrastructure.Data.AgoraDb>();
            var existing = await db.Set<StatementVote>().AsNoTracking().SingleAsync(v => v.ConversationId == c.Id);
            db.Add(new StatementVote { ParticipantId = existing.ParticipantId, StatementId = existing.StatementId, ConversationId = c.Id, Value = 1 });
            await db.SaveChangesAsync();
        }));
        var stored = await f.DbAsync(db => db.Set<Statement>().AsNoTracking().SingleAsync(x => x.ConversationId == c.Id));
        Assert.Equal((0, 0, 1), (stored.AgreeCount, stored.DisagreeCount, stored.PassCount));
    }

    [Fact]
    public async Task PersonalData_Download_IncludesConversationVotesAndStatements()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Твърдение за износ."]);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var s = await f.DbAsync(db => db.Set<Statement>().SingleAsync(x => x.ConversationId == c.Id));
        await client.VoteAsync(p, c, s.Id, 1);
        await client.PostFormAsync(ConversationTestKit.Url(p, c), new Dictionary<string, string> { ["NewStatement.Text"] = "Моето лично твърдение." },
            ConversationTestKit.Url(p, c) + "?handler=Statement");
        var download = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>(), "/account/manage/personal-data?handler=Download");
        var json = System.Text.RegularExpressions.Regex.Unescape(await download.Content.ReadAsStringAsync());
        Assert.Contains("\"conversations\"", json, StringComparison.Ordinal);
        Assert.Contains("Твърдение за износ.", json, StringComparison.Ordinal);
        Assert.Contains("\"agree\"", json, StringComparison.Ordinal);
        Assert.Contains("Моето лично твърдение.", json, StringComparison.Ordinal);
    }
}
