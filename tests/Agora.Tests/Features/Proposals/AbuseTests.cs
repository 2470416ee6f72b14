using System.Net;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

/// <summary>Limits that need their own configuration, so each test has its own app.</summary>
public sealed class AbuseTests
{
    [Fact]
    public async Task Comments_OverPerMinuteLimit_AreRefusedWithReason()
    {
        await using var f = new AgoraFactory();
        f.Settings["Agora:Comments:PerMinute"] = "2";
        await f.InitializeAsync();
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
            last = await client.PostFormAsync(ProposalTestData.Url(process, p.Id), new Dictionary<string, string>
            {
                ["Input.TargetType"] = "proposal",
                ["Input.TargetId"] = p.Id.ToString(),
                ["Input.Body"] = "Коментар " + i,
                ["Input.Stance"] = "Neutral",
            }, "/comments/new");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("много коментари", await last.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await f.DbAsync(db => db.Set<Comment>().CountAsync(c => c.TargetId == p.Id)));
    }

    [Fact]
    public async Task Proposals_OverPerHourLimit_AreRefused()
    {
        await using var f = new AgoraFactory();
        f.Settings["Agora:Proposals:PerHour"] = "1";
        await f.InitializeAsync();
        var process = await f.ProposalProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        HttpResponseMessage last = null!;
        for (var i = 0; i < 2; i++)
            last = await client.PostFormAsync(ProposalTestData.Url(process) + "/new", new Dictionary<string, string>
            {
                ["Input.Title"] = "Предложение номер " + i + " за града",
                ["Input.Body"] = "Достатъчно дълго описание на предложението за проверката.",
                ["Input.District"] = "city",
            });
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("много предложения", await last.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await f.DbAsync(db => db.Set<Proposal>().CountAsync(x => x.ProcessId == process.Id)));
    }

    [Fact]
    public async Task Support_AfterDeadline_IsRefused()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var process = await f.ProposalProcessAsync(deadline: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);
        Assert.Contains("Срокът за подкрепа изтече", await client.HtmlAsync(url), StringComparison.Ordinal);
        await client.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=support");
        Assert.Equal(0, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == p.Id)));
    }

    [Fact]
    public async Task Support_Anonymous_IsSentToSignIn()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var browser = f.Browser();
        var url = ProposalTestData.Url(process, p.Id);
        // The page offers no support form to anonymous readers; a token from the sign-in form stands in for a forged post.
        var r = await browser.PostFormAsync("/account/login", new Dictionary<string, string>(), url + "?handler=support");
        Assert.StartsWith("/account/login", r.Location(), StringComparison.Ordinal);
    }
}
