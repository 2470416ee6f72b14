using System.Net;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

/// <summary>The stored count of visible proposals per process and state, kept by database triggers.</summary>
public sealed class ProposalTallyTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>Every (process, state) whose stored tally differs from its visible rows, as readable lines.</summary>
    public static async Task<List<string>> MismatchesAsync(AgoraDb db)
    {
        var rows = (await db.Set<Proposal>().Where(p => p.HiddenAt == null)
            .GroupBy(p => new { p.ProcessId, p.State }).Select(g => new { g.Key.ProcessId, g.Key.State, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => (x.ProcessId, x.State), x => x.Count);
        var stored = (await db.Set<ProposalTally>().Where(t => t.Count != 0).ToListAsync()).ToDictionary(t => (t.ProcessId, t.State), t => t.Count);
        return rows.Keys.Union(stored.Keys).Where(k => rows.GetValueOrDefault(k) != stored.GetValueOrDefault(k))
            .Select(k => $"{k}: {rows.GetValueOrDefault(k)} rows, {stored.GetValueOrDefault(k)} stored").ToList();
    }

    private async Task AssertTalliesMatchAsync() => Assert.Empty(await f.DbAsync(MismatchesAsync));

    private static string Found(int n) => $"Намерени предложения: {n}";

    [Fact]
    public async Task Tallies_FollowCreatingAnsweringWithdrawingHidingThresholdAndDeleting()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProposalProcessAsync(administrator: admin, threshold: 1);
        var author = await f.PersonAsync();
        var listUrl = ProposalTestData.Url(process);

        // Created through the form, and through EF.
        var client = await f.SignedInAsync(author);
        var created = await client.PostFormAsync(listUrl + "/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Пешеходна пътека пред училището",
            ["Input.Body"] = "Предлагаме маркирана пешеходна пътека с осветление пред входа на училището.",
            ["Input.District"] = "mladost",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var a = await f.ProposalAsync(process, author, "Пейки в градинката");
        var b = await f.ProposalAsync(process, author, "Чешма на площада");
        var c = await f.ProposalAsync(process, author, "Велоалея по булеварда");
        await AssertTalliesMatchAsync();
        Assert.Contains(Found(4), await f.Browser().HtmlAsync(listUrl), StringComparison.Ordinal);

        // An official answer and a withdrawal move proposals between states.
        var manager = await f.SignedInAsync(admin);
        var url = ProposalTestData.Url(process, a.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Answer.State"] = "Accepted",
            ["Answer.Text"] = "Приемаме предложението и ще го изпълним.",
        }, url + "?handler=answer")).StatusCode);
        url = ProposalTestData.Url(process, b.Id);
        await client.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=withdraw");
        await AssertTalliesMatchAsync();
        Assert.Contains(Found(3), await f.Browser().HtmlAsync(listUrl), StringComparison.Ordinal); // withdrawn ones are not listed
        Assert.Contains(Found(1), await f.Browser().HtmlAsync(listUrl + "?state=accepted"), StringComparison.Ordinal);
        Assert.Contains(Found(1), await f.Browser().HtmlAsync(listUrl + "?state=withdrawn"), StringComparison.Ordinal);

        // A support crossing the threshold (1) moves the proposal to evaluation.
        var supporter = await f.SignedInAsync(await f.PersonAsync());
        url = ProposalTestData.Url(process, c.Id);
        var html = await supporter.HtmlAsync(url);
        await supporter.PostAsync(url + "?handler=support",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Http.Token(html) }));
        Assert.Equal(ProposalState.ForEvaluation, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == c.Id).Select(x => x.State).SingleAsync()));
        await AssertTalliesMatchAsync();
        Assert.Contains(Found(1), await f.Browser().HtmlAsync(listUrl + "?state=forevaluation"), StringComparison.Ordinal);

        // Hidden by a moderator, shown again, and deleted without change tracking.
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        async Task Decide(Guid id, bool hide) => Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostFormAsync("/admin/moderation",
            new Dictionary<string, string> { ["type"] = "proposal", ["id"] = id.ToString(), ["hide"] = hide ? "true" : "false", ["reason"] = "Проверка" },
            "/admin/moderation?handler=decide")).StatusCode);
        await Decide(c.Id, hide: true);
        await AssertTalliesMatchAsync();
        Assert.Contains(Found(2), await f.Browser().HtmlAsync(listUrl), StringComparison.Ordinal);
        await Decide(c.Id, hide: false);
        await AssertTalliesMatchAsync();
        await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == a.Id).ExecuteDeleteAsync());
        await AssertTalliesMatchAsync();
        Assert.Contains(Found(2), await f.Browser().HtmlAsync(listUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NarrowedLists_StillCountTheirRows()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        await f.ProposalAsync(process, author, "Детска площадка в Младост", district: "mladost");
        await f.ProposalAsync(process, author, "Детска площадка в Люлин", district: "lyulin");
        await f.ProposalAsync(process, author, "Паркинг в Люлин", district: "lyulin");
        var listUrl = ProposalTestData.Url(process);
        Assert.Contains(Found(3), await f.Browser().HtmlAsync(listUrl), StringComparison.Ordinal);
        Assert.Contains(Found(2), await f.Browser().HtmlAsync(listUrl + "?district=lyulin"), StringComparison.Ordinal);
        Assert.Contains(Found(2), await f.Browser().HtmlAsync(listUrl + "?q=" + Uri.EscapeDataString("площадка")), StringComparison.Ordinal);
    }
}
