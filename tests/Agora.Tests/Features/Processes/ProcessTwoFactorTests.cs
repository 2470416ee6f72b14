using System.Net;
using Agora.Tests.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Processes;

/// <summary>
/// A process can ask its own administrators for two-factor sign-in, as staff roles always do (issue 26: "process
/// administrator where the process requires it"). Without it they hold no power there: not its management page, not
/// its drafts, not its modules' management (events here), and they are sent to set it up.
/// </summary>
public sealed class ProcessTwoFactorTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static string Manage(Process p) => $"/processes/{p.Slug}/manage";

    [Fact]
    public async Task SiteAdministrator_TurnsTheRuleOn_StoredAuditedAndAdministratorsWithoutItMarked()
    {
        var withoutTwoFactor = await f.PersonAsync();
        var process = await f.ProcessAsync(administrator: withoutTwoFactor);
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        Assert.DoesNotContain("без правомощия", await (await admin.GetAsync(Manage(process))).TextAsync(), StringComparison.Ordinal);

        var r = await admin.PostFormAsync(Manage(process), new Dictionary<string, string> { ["required"] = "true" }, Manage(process) + "?handler=TwoFactor");
        Assert.Equal(Manage(process), r.Location());
        Assert.True(await f.DbAsync(db => db.Set<Process>().Where(p => p.Id == process.Id).Select(p => p.AdministratorsNeedTwoFactor).SingleAsync()));
        Assert.Equal(1, await f.DbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == "process.admin.two-factor.on" && a.TargetId == process.Id.ToString())));
        var page = await (await admin.GetAsync(Manage(process))).TextAsync();
        Assert.Contains("без двуфакторно удостоверяване — без правомощия", page, StringComparison.Ordinal);
        Assert.Contains("checked", page[page.IndexOf("two-factor-required\"", StringComparison.Ordinal)..][..200], StringComparison.Ordinal);

        // Unchecked: the box posts nothing, and the rule is off again.
        await admin.PostFormAsync(Manage(process), new Dictionary<string, string>(), Manage(process) + "?handler=TwoFactor");
        Assert.False(await f.DbAsync(db => db.Set<Process>().Where(p => p.Id == process.Id).Select(p => p.AdministratorsNeedTwoFactor).SingleAsync()));
    }

    [Fact]
    public async Task ProcessAdministratorWithoutTwoFactor_RuleOn_NoPowersAndSentToSetUp()
    {
        var person = await f.PersonAsync();
        var process = await f.ProcessAsync(administrator: person);
        var draft = await f.ProcessAsync(published: false, administrator: person);
        await RequireAsync(process, draft);
        var ev = await f.EventAsync(process.Id);
        var client = await f.SignedInAsync(person);

        var manage = await client.GetAsync(Manage(process));
        Assert.StartsWith("/account/manage/two-factor", manage.Location(), StringComparison.Ordinal);
        Assert.Contains("required=True", manage.Location(), StringComparison.Ordinal);
        // Posting to a handler is refused the same way, and nothing changes.
        var post = await client.PostFormAsync($"/processes/{process.Slug}", new Dictionary<string, string> { ["phaseId"] = process.Phases[2].Id.ToString() },
            Manage(process) + "?handler=CurrentPhase");
        Assert.StartsWith("/account/manage/two-factor", post.Location(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<Phase>().Where(p => p.Id == process.Phases[2].Id).Select(p => p.IsCurrent).SingleAsync()));
        // The draft is hidden as from anyone else; the module's management refuses.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/processes/{draft.Slug}")).StatusCode);
        Assert.StartsWith("/account/access-denied", (await client.GetAsync($"/events/{ev.Id}/edit")).Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAdministratorWithTwoFactor_RuleOn_Manages()
    {
        var person = await f.PersonAsync(twoFactor: true);
        var process = await f.ProcessAsync(published: false, administrator: person);
        await RequireAsync(process);
        var ev = await f.EventAsync(process.Id);
        var client = await f.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Manage(process))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/processes/{process.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/events/{ev.Id}/edit")).StatusCode);
    }

    [Fact]
    public async Task ProcessAdministratorWithoutTwoFactor_RuleOff_Manages()
    {
        var person = await f.PersonAsync();
        var process = await f.ProcessAsync(published: false, administrator: person);
        var client = await f.SignedInAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Manage(process))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/processes/{process.Slug}")).StatusCode);
    }

    [Fact]
    public async Task ProcessAdministrator_CannotChangeTheRule()
    {
        var person = await f.PersonAsync(twoFactor: true);
        var process = await f.ProcessAsync(administrator: person);
        await RequireAsync(process);
        var client = await f.SignedInAsync(person);
        var r = await client.PostFormAsync(Manage(process), new Dictionary<string, string>(), Manage(process) + "?handler=TwoFactor");
        Assert.StartsWith("/account/access-denied", r.Location(), StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Set<Process>().Where(p => p.Id == process.Id).Select(p => p.AdministratorsNeedTwoFactor).SingleAsync()));
        Assert.DoesNotContain("two-factor-required", await (await client.GetAsync(Manage(process))).TextAsync(), StringComparison.Ordinal);
    }

    private Task<int> RequireAsync(params Process[] processes) => f.DbAsync(db =>
    {
        var ids = processes.Select(p => p.Id).ToList();
        return db.Set<Process>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.AdministratorsNeedTwoFactor, true));
    });
}
