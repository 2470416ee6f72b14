using System.Net;
using Agora.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

/// <summary>The app as deployed: anonymous readers share a process's proposal scope for a few seconds.</summary>
public sealed class ScopeCachingAgoraFactory : AgoraFactory
{
    public ScopeCachingAgoraFactory() => Settings["Agora:Proposals:ScopeCacheSeconds"] = "60";
}

public sealed class ProposalScopeCacheTests(ScopeCachingAgoraFactory f) : IClassFixture<ScopeCachingAgoraFactory>
{
    private async Task<int> QueriesAsync(HttpClient client, string url)
    {
        f.Queries.Reset();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return f.Queries.Count;
    }

    [Fact]
    public async Task AnonymousReaders_ShareTheScope_ProposalsAndCountsStayFresh()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author, "Предложение за осветление на алеята", supports: 2);
        var url = ProposalTestData.Url(process);
        var first = await QueriesAsync(f.Browser(), url);
        // The scope (process, phases, settings, switches, categories) is one query; later anonymous reads skip it.
        Assert.Equal(first - 1, await QueriesAsync(f.Browser(), url));
        Assert.Equal(first - 1, await QueriesAsync(f.Browser(), url + "?sort=supported"));

        // What the page lists is still read on every request: a new proposal and a new count show at once.
        var q = await f.ProposalAsync(process, author, "Второ предложение за пейки");
        await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SupportCount, 7)));
        var html = WebUtility.HtmlDecode(await f.Browser().HtmlAsync(url));
        Assert.Contains(q.Title, html, StringComparison.Ordinal);
        Assert.Contains("7 подкрепи", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2 подкрепи", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedSwitches_TakeEffectAtOnceForEveryone()
    {
        var process = await f.ProposalProcessAsync(creating: true);
        var url = ProposalTestData.Url(process);
        var citizen = await f.SignedInAsync(await f.PersonAsync());
        Assert.Contains(url + "/new", await f.Browser().HtmlAsync(url), StringComparison.Ordinal);
        Assert.Contains(url + "/new", await citizen.HtmlAsync(url), StringComparison.Ordinal);
        // Both now read the shared scope; the committed write to the switches makes it stale for both at once.
        await f.SwitchesAsync(process, creating: false, supporting: true, commenting: true);
        Assert.DoesNotContain(url + "/new\"", await f.Browser().HtmlAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain(url + "/new\"", await citizen.HtmlAsync(url), StringComparison.Ordinal);
        // A raw update (no change tracking) counts too: open again, then no phase is current any more.
        await f.SwitchesAsync(process, creating: true, supporting: true, commenting: true);
        Assert.Contains(url + "/new\"", await f.Browser().HtmlAsync(url), StringComparison.Ordinal);
        await f.DbAsync(db => db.Set<Agora.Web.Features.Processes.Phase>().Where(ph => ph.ProcessId == process.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(ph => ph.IsCurrent, false)));
        Assert.DoesNotContain(url + "/new\"", await f.Browser().HtmlAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInPeople_ShareTheScope_ButWhetherTheyManageIsTheirOwn()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProposalProcessAsync(administrator: admin);
        var url = ProposalTestData.Url(process);
        var manager = await f.SignedInAsync(admin);
        var citizen = await f.SignedInAsync(await f.PersonAsync());
        // The second signed-in read skips the scope query but still asks whether this person manages the process.
        var cold = await QueriesAsync(manager, url + "?sort=newest");
        var warm = await QueriesAsync(manager, url + "?sort=newest");
        Assert.Equal(cold - 1, warm);
        Assert.Contains(url + "/settings", await manager.HtmlAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain(url + "/settings", await citizen.HtmlAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain(url + "/settings", await f.Browser().HtmlAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraftSeenByItsManager_IsNeverSharedWithOthers()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProposalProcessAsync(administrator: admin);
        await f.DbAsync(db => db.Set<Agora.Web.Features.Processes.Process>().Where(p => p.Id == process.Id)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.Published, false)));
        var url = ProposalTestData.Url(process);
        Assert.Equal(HttpStatusCode.OK, (await (await f.SignedInAsync(admin)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await f.SignedInAsync(await f.PersonAsync())).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task SavedSettings_TakeEffectAtOnceForAnonymousReaders()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProposalProcessAsync(administrator: admin, creating: false);
        var url = ProposalTestData.Url(process);
        Assert.DoesNotContain("Спорт", await f.Browser().HtmlAsync(url), StringComparison.Ordinal);
        var client = await f.SignedInAsync(admin);
        var phases = process.Phases.OrderBy(p => p.Position).ToList();
        var fields = new Dictionary<string, string>
        {
            ["Input.SupportThreshold"] = "5",
            ["Input.EditWindowMinutes"] = "30",
            ["Input.Categories"] = "Спорт | Sport",
        };
        for (var i = 0; i < phases.Count; i++)
            fields[$"Input.Phases[{i}].PhaseId"] = phases[i].Id.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url + "/settings", fields)).StatusCode);
        Assert.Contains("Спорт", await f.Browser().HtmlAsync(url), StringComparison.Ordinal);
    }
}
