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
    public async Task SignedInPeople_AlwaysReadTheScopeFresh()
    {
        var process = await f.ProposalProcessAsync(creating: true);
        var url = ProposalTestData.Url(process);
        var anonymous = await f.Browser().HtmlAsync(url);
        Assert.Contains(url + "/new", anonymous, StringComparison.Ordinal);
        await f.SwitchesAsync(process, creating: false, supporting: true, commenting: true);
        var citizen = await f.SignedInAsync(await f.PersonAsync());
        // The anonymous scope still says "open" for a few seconds; a signed-in person, who could act, sees it closed.
        Assert.DoesNotContain(url + "/new\"", await citizen.HtmlAsync(url), StringComparison.Ordinal);
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
