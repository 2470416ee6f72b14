using System.Net;
using System.Net.Http.Headers;
using Agora.OpinionMap;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Conversations;

/// <summary>Pol.is import and export, the computed map and the results page, the demo, the background refresh.</summary>
public sealed class ConversationResultsTests(ConversationsFactory f) : IClassFixture<ConversationsFactory>
{
    private const string Bg2050 = "bg2050-volunteers";

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Process p, string comments, string votes)
    {
        var listUrl = $"/processes/{p.Slug}/conversations";
        var token = Http.Token(await client.HtmlAsync(listUrl));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Българско гражданско участие 2050"), "Import.TopicBg" },
            { new StringContent("BG 2050"), "Import.TopicEn" },
        };
        var c = new StringContent(comments);
        c.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(c, "Import.Comments", "comments.csv");
        var v = new StringContent(votes);
        v.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(v, "Import.Votes", "votes.csv");
        return await client.PostAsync(listUrl + "?handler=Import", form);
    }

    [Fact]
    public async Task Import_Bg2050_RecomputeGivesTwoGroups_ExportRoundTrips_ResultsPageShowsThem()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "conversations", administrator: admin);
        var client = await f.SignedInAsync(admin);
        var response = await ImportAsync(client, p,
            await File.ReadAllTextAsync(PolisFiles.File(Bg2050, "comments.csv")),
            await File.ReadAllTextAsync(PolisFiles.File(Bg2050, "votes.csv")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = await f.RunImportAsync(response.ImportJobId());
        Assert.Equal((Agora.Web.Features.Imports.ImportStatus.Succeeded, 0), (job.Status, job.RowsRefused));
        var c = await f.DbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(x => x.ProcessId == p.Id));
        Assert.Equal(371, await f.DbAsync(db => db.Set<Statement>().CountAsync(s => s.ConversationId == c.Id)));
        Assert.Equal(55, await f.DbAsync(db => db.Set<Statement>().CountAsync(s => s.ConversationId == c.Id && s.Status == StatementStatus.Rejected)));
        Assert.NotEqual(c.Version, c.ComputedVersion);

        // Before the background refresh has run, the results page says so plainly.
        var before = await client.HtmlAsync(ConversationTestKit.Url(p, c, "/results"));
        Assert.Contains("още не е изчислена", before, StringComparison.Ordinal);

        await f.RecomputeAsync(c.Id);
        var snapshot = await f.SnapshotAsync(c.Id);
        Assert.Equal(2, snapshot.Groups.Count);
        Assert.Equal([8, 100], snapshot.Groups.Select(g => g.Members.Count).Order().ToArray());

        // Export: participants-votes.csv carries the same partition as Pol.is's own export.
        var pv = await client.GetStringAsync(ConversationTestKit.Url(p, c, "/export/participants-votes.csv"));
        Assert.StartsWith("participant,group-id,", pv, StringComparison.Ordinal);
        var ours = PolisCsv.ReadParticipantGroups(new StringReader(pv));
        IReadOnlyDictionary<int, int?> theirs;
        using (var reader = new StreamReader(PolisFiles.File(Bg2050, "participants-votes.csv")))
            theirs = PolisCsv.ReadParticipantGroups(reader);
        var clustered = theirs.Where(t => t.Value != null).Select(t => t.Key).ToList();
        Assert.Equal(108, clustered.Count);
        var pairs = clustered.Select(id => (ours[id]!.Value, theirs[id]!.Value)).Distinct().ToList();
        Assert.Equal(2, pairs.Count); // a one-to-one relabelling of Pol.is's two groups

        var comments = PolisCsv.ReadComments(new StringReader(await client.GetStringAsync(ConversationTestKit.Url(p, c, "/export/comments.csv"))));
        Assert.Equal(371, comments.Count);
        Assert.Equal(55, comments.Count(x => x.Moderated == -1));
        Assert.All(comments.Where(x => x.Moderated != -1), x => Assert.NotNull(x.GroupInformedConsensus));
        var votes = PolisCsv.ReadVotes(new StringReader(await client.GetStringAsync(ConversationTestKit.Url(p, c, "/export/votes.csv"))));
        IReadOnlyList<VoteRecord> original;
        using (var reader = new StreamReader(PolisFiles.File(Bg2050, "votes.csv")))
            original = PolisCsv.ReadVotes(reader);
        var expected = VoteMatrix.FromVotes(original).Votes().Select(v => (v.ParticipantId, v.StatementId, v.Vote)).Order().ToList();
        Assert.Equal(expected, votes.Select(v => (v.ParticipantId, v.StatementId, v.Vote)).Order().ToList());

        // The results page: summary, map with title and description, the table equivalent, groups and consensus.
        var html = await client.HtmlAsync(ConversationTestKit.Url(p, c, "/results"));
        Assert.Contains("Оформиха се 2 групи на мнение от 108 участници.", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"map-title\">", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"map-desc\">", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Групи на мнение по брой участници</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Група A", html, StringComparison.Ordinal);
        Assert.Contains("Група B", html, StringComparison.Ordinal);
        Assert.Contains("% съгласни", html, StringComparison.Ordinal);
        Assert.Contains("<rect x=", html, StringComparison.Ordinal); // the second group is drawn as squares, not only another colour
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);

        // Imports start unpublished: only the process's administrators see them.
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(ConversationTestKit.Url(p, c, "/results"))).StatusCode);
        var en = await (await f.SignedInAsync(admin, "en")).HtmlAsync(ConversationTestKit.Url(p, c, "/results") + "?culture=en");
        Assert.Contains("2 opinion groups formed from 108 participants.", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MalformedVote_IsRefusedByLine_TheRestIsImported()
    {
        var admin = await f.PersonAsync();
        var p = await f.ProcessAsync(components: "conversations", administrator: admin);
        var client = await f.SignedInAsync(admin);
        var response = await ImportAsync(client, p,
            "comment-id,author-id,moderated,comment-body\n1,1,1,Едно\n",
            "timestamp,comment-id,voter-id,vote\n1,1,1,7\n2,1,2,1\n");
        var job = await f.RunImportAsync(response.ImportJobId());
        Assert.Equal((Agora.Web.Features.Imports.ImportStatus.Succeeded, 3, 1), (job.Status, job.RowsRead, job.RowsRefused));
        var html = await client.HtmlAsync($"/imports/{job.Id}");
        Assert.Contains("votes.csv, line 2", html, StringComparison.Ordinal);
        var c = await f.DbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(x => x.ProcessId == p.Id));
        Assert.Equal(1, c.VoteCount);
    }

    [Fact]
    public async Task Results_TooFewParticipants_SaysSoPlainly()
    {
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Едно.", "Две."]);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var first = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id && s.Number == 1));
        await client.VoteAsync(p, c, first.Id, 1);
        await f.RecomputeAsync(c.Id);
        var html = await client.HtmlAsync(ConversationTestKit.Url(p, c, "/results"));
        Assert.Contains("Още няма достатъчно гласове", html, StringComparison.Ordinal);
        Assert.DoesNotContain("opinion-map-svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_IccConversation_HasTwoOrMoreGroupsAndIsIdempotent()
    {
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var process = await f.DbAsync(db => db.Set<Process>().AsNoTracking().SingleAsync(x => x.Slug == ProcessesDemo.IccSlug));
        Assert.True(process.Has("conversations"));
        var c = await f.DbAsync(db => db.Set<Conversation>().AsNoTracking().SingleAsync(x => x.ProcessId == process.Id));
        Assert.Equal(ConversationsDemo.ParticipantCount, c.ParticipantCount);
        Assert.Equal(c.Version, c.ComputedVersion);
        var snapshot = await f.SnapshotAsync(c.Id);
        Assert.InRange(snapshot.Groups.Count, 2, 5);

        var html = await f.Browser().HtmlAsync(ConversationTestKit.Url(process, c, "/results"));
        Assert.Contains($"Оформиха се {snapshot.Groups.Count} групи на мнение", html, StringComparison.Ordinal);
        var list = await f.Browser().HtmlAsync($"/processes/{process.Slug}/conversations");
        Assert.Contains("Електронното управление в София", list, StringComparison.Ordinal);
    }
}

/// <summary>The background refresh, in an app of its own with a one-second period.</summary>
public sealed class OpinionMapWorkerTests
{
    [Fact]
    public async Task Worker_VotesArrive_ResultIsStoredWithinSeconds()
    {
        await using var f = new AgoraFactory();
        f.Settings["Agora:OpinionMap:RefreshSeconds"] = "1";
        await f.InitializeAsync();
        var p = await f.ProcessAsync(components: "conversations");
        var c = await f.ConversationAsync(p, statements: ["Едно.", "Две."]);
        var first = await f.DbAsync(db => db.Set<Statement>().SingleAsync(s => s.ConversationId == c.Id && s.Number == 1));
        var client = await f.SignedInAsync(await f.PersonAsync());
        await client.VoteAsync(p, c, first.Id, 1);
        ConversationResult? result = null;
        for (var i = 0; i < 100 && result == null; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            result = await f.DbAsync(db => db.Set<ConversationResult>().AsNoTracking().FirstOrDefaultAsync(r => r.ConversationId == c.Id));
        }
        Assert.NotNull(result);
        Assert.Equal(1, result.VoteCount);
    }
}
