using System.Net;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Admin;

public sealed class AdminAccessTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    public static TheoryData<string> AdminPages => ["/admin", "/admin/users", "/admin/audit", $"/admin/users/{Guid.Empty}"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_Anonymous_IsSentToSignIn(string path)
    {
        var response = await f.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Location(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_PlainUser_IsForbidden(string path)
    {
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Location(), StringComparison.Ordinal);
        var denied = await client.GetAsync(response.Location());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_AdministratorWithoutTwoFactor_IsSentToSetItUp(string path)
    {
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator));
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/manage/two-factor?required=True", response.Location(), StringComparison.OrdinalIgnoreCase);
        var setup = await client.HtmlAsync(response.Location());
        Assert.Contains("трябва да включат двуфакторно удостоверяване", setup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminShell_AdministratorWithTwoFactor_SeesCountsAndUsers()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var client = await f.SignedInAsync(admin);
        var home = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("/admin/users", await home.TextAsync(), StringComparison.Ordinal);
        var users = await client.HtmlAsync("/admin/users?q=" + Uri.EscapeDataString(admin.Email!));
        Assert.Contains(admin.Email!, users, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_WithTwoFactor_OpensAdminHomeButNotUserManagement()
    {
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        var users = await client.GetAsync("/admin/users");
        Assert.StartsWith("/account/access-denied", users.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleChange_ByAdministrator_TakesEffectAndIsAuditLogged()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(admin);
        var response = await client.PostFormAsync($"/admin/users/{person.Id}", new Dictionary<string, string>
        {
            ["role"] = Roles.Moderator,
            ["grant"] = "true",
        }, $"/admin/users/{person.Id}?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var entry = await f.DbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync(a => a.TargetId == person.Id.ToString()));
        Assert.Equal("user.role.grant", entry.Action);
        Assert.Equal(admin.Id, entry.ActorId);
        Assert.Equal(Roles.Moderator, entry.Details);
        var audit = await client.HtmlAsync("/admin/audit");
        Assert.Contains("user.role.grant", audit, StringComparison.Ordinal);
        Assert.Contains(admin.Email!, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_ByAdministrator_EndsTheSessionAndIsAuditLogged()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var person = await f.PersonAsync();
        var personClient = await f.SignedInAsync(person);
        var client = await f.SignedInAsync(admin);

        var empty = await client.PostFormAsync($"/admin/users/{person.Id}", new Dictionary<string, string> { ["Block.Reason"] = "" }, $"/admin/users/{person.Id}?handler=Block");
        Assert.Contains("„Причина за блокирането“ е задължително", await empty.TextAsync(), StringComparison.Ordinal);

        var response = await client.PostFormAsync($"/admin/users/{person.Id}", new Dictionary<string, string> { ["Block.Reason"] = "спам" }, $"/admin/users/{person.Id}?handler=Block");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "user.block" && a.TargetId == person.Id.ToString() && a.Details == "спам")));
        Assert.Equal(HttpStatusCode.Redirect, (await personClient.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task RevokeAdministrator_LastOne_IsRefused()
    {
        var (solo, admin, client) = await Builders.SoloAdministratorAsync();
        await using var _ = solo;
        var response = await client.PostFormAsync($"/admin/users/{admin.Id}", new Dictionary<string, string>
        {
            ["role"] = Roles.Administrator,
            ["grant"] = "false",
        }, $"/admin/users/{admin.Id}?handler=Role");
        Assert.Contains("последният администратор", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await solo.DbAsync(db => db.UserRoles.CountAsync()));
    }

    [Fact]
    public async Task UserList_MorePeople_RunsTheSameNumberOfQueries()
    {
        var client = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        await client.GetAsync("/admin/users"); // warm up
        f.Queries.Reset();
        await client.GetAsync("/admin/users");
        var few = f.Queries.Count;
        for (var i = 0; i < 30; i++)
            await f.PersonAsync(role: i % 3 == 0 ? Roles.Moderator : null);
        f.Queries.Reset();
        var html = await client.HtmlAsync("/admin/users");
        var many = f.Queries.Count;
        Assert.Equal(few, many);
        Assert.Contains("Страница 1 от", html, StringComparison.Ordinal);
    }
}
