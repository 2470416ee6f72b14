using System.Net;
using Agora.Tests.Features.Budgets;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Verification;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

/// <summary>Administrators may require verified residence to support or create proposals; off by default.</summary>
public sealed class ProposalVerificationTests
{
    private static Dictionary<string, string> NewProposal(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Body"] = "Подробно описание на предложението с повече от трийсет знака в него.",
        ["Input.District"] = "mladost",
    };

    private const string HowToVerify = "/verification";

    /// <summary>A fresh platform: the requirement is a site-wide setting that would leak into other tests.</summary>
    private static async Task<AgoraFactory> FactoryAsync(bool required)
    {
        var f = new AgoraFactory();
        await f.InitializeAsync();
        if (required)
            await f.DbAsync(async db =>
            {
                db.Add(new VerificationRequirement { Action = ProposalService.SupportAction, Required = true });
                db.Add(new VerificationRequirement { Action = ProposalService.CreateAction, Required = true });
                return await db.SaveChangesAsync();
            });
        return f;
    }

    private static async Task<HttpResponseMessage> SupportAsync(HttpClient client, string url)
    {
        var html = await client.HtmlAsync(url);
        return await client.PostAsync(url + "?handler=support",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Http.Token(html) }));
    }

    [Fact]
    public async Task A_requirement_switched_on_takes_effect_at_the_next_support_although_nodes_cache_it()
    {
        var f = new AgoraFactory();
        f.Settings["Agora:Verification:RequirementCacheSeconds"] = "60";
        await f.InitializeAsync();
        await using var _ = f;
        var process = await f.ProposalProcessAsync();
        var first = await f.ProposalAsync(process, await f.PersonAsync());
        var second = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SupportAsync(client, ProposalTestData.Url(process, first.Id))).StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == first.Id)));

        // "Not required" is cached now; the committed setting makes that entry stale at once.
        await f.DbAsync(async db =>
        {
            db.Add(new VerificationRequirement { Action = ProposalService.SupportAction, Required = true });
            return await db.SaveChangesAsync();
        });
        var refused = await SupportAsync(client, ProposalTestData.Url(process, second.Id));
        Assert.Contains("само за проверени жители на София", await client.HtmlAsync(refused.Location()), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == second.Id)));
    }

    [Fact]
    public async Task Switched_off_unverified_people_support_and_create_as_before()
    {
        await using var f = await FactoryAsync(required: false);
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());

        var response = await SupportAsync(client, ProposalTestData.Url(process, p.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == p.Id)));
        var created = await client.PostFormAsync(ProposalTestData.Url(process) + "/new", NewProposal("Пейки в парка"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await f.DbAsync(db => db.Set<Proposal>().AnyAsync(x => x.Title == "Пейки в парка")));
    }

    [Fact]
    public async Task Switched_on_unverified_people_are_refused_with_how_to_verify_and_verified_residents_are_accepted()
    {
        await using var f = await FactoryAsync(required: true);
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);

        var unverified = await f.SignedInAsync(await f.PersonAsync());
        var refused = await SupportAsync(unverified, url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await unverified.HtmlAsync(refused.Location());
        Assert.Contains("само за проверени жители на София", page, StringComparison.Ordinal);
        Assert.Contains(HowToVerify, page, StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == p.Id)));

        var form = await unverified.HtmlAsync(ProposalTestData.Url(process) + "/new");
        Assert.Contains("само за проверени жители на София", form, StringComparison.Ordinal);
        Assert.Contains("href=\"/verification\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Title\"", form, StringComparison.Ordinal);
        var token = Http.Token(await unverified.HtmlAsync(url));
        var fields = NewProposal("Нова спирка");
        fields["__RequestVerificationToken"] = token;
        var post = await unverified.PostAsync(ProposalTestData.Url(process) + "/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("само за проверени жители на София", await post.TextAsync(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<Proposal>().AnyAsync(x => x.Title == "Нова спирка")));

        var resident = await f.SignedInAsync(await f.ResidentAsync("mladost"));
        Assert.Equal(HttpStatusCode.Redirect, (await SupportAsync(resident, url)).StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == p.Id)));
        var created = await resident.PostFormAsync(ProposalTestData.Url(process) + "/new", NewProposal("Нова спирка"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await f.DbAsync(db => db.Set<Proposal>().AnyAsync(x => x.Title == "Нова спирка")));
    }

    [Fact]
    public async Task Administrators_can_switch_the_proposal_actions_on_the_census_page()
    {
        var (f, _, client) = await Builders.SoloAdministratorAsync();
        await using var _ = f;
        var html = await client.HtmlAsync("/admin/census");
        Assert.Contains(ProposalService.SupportAction, html, StringComparison.Ordinal);
        Assert.Contains(ProposalService.CreateAction, html, StringComparison.Ordinal);
        Assert.Contains("Подкрепа на предложение", html, StringComparison.Ordinal);
    }
}
