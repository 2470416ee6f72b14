using System.Net;
using Agora.Web.Features.Pages;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Infrastructure;

public sealed class DatabaseTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Start_FreshDatabase_AppliesEveryMigrationOfItsProvider()
    {
        var (applied, pending, provider, all) = await f.DbAsync(async db => (
            (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            (await db.Database.GetPendingMigrationsAsync()).ToList(),
            db.Database.ProviderName,
            db.Database.GetMigrations().ToList()));
        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.Equal(all, applied);
        Assert.Equal(f.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", provider);
    }

    [Fact]
    public async Task Model_ComparedWithMigrations_HasNoUnmigratedChanges()
    {
        // A model change without a migration for this provider fails here.
        var pendingChanges = await f.DbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pendingChanges);
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        static IEnumerable<string> Names(string ns) => typeof(AgoraDb).Assembly.GetTypes()
            .Where(t => t.Namespace == ns && t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .Select(t => t.Name).Order(StringComparer.Ordinal);
        var sqlite = Names("Agora.Web.Infrastructure.Data.Migrations.Sqlite").ToList();
        var postgres = Names("Agora.Web.Infrastructure.Data.Migrations.Postgres").ToList();
        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, postgres);
    }

    [Fact]
    public async Task Health_DatabaseMigrated_ReportsReadyAndLive()
    {
        var client = f.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dates_SavedAndRead_ComeBackAsUtc()
    {
        var user = await f.PersonAsync();
        var created = await f.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.CreatedAt).SingleAsync());
        Assert.Equal(DateTimeKind.Utc, created.Kind);
    }

    [Fact]
    public async Task SeedDemo_RunTwice_ChangesNothingTheSecondTime()
    {
        async Task<(int Users, int Pages)> Counts() => await f.DbAsync(async db => (await db.Users.CountAsync(), await db.Set<SitePage>().CountAsync()));
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var first = await Counts();
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        Assert.Equal(first, await Counts());
        Assert.True(first.Pages >= 1);

        // Demo people exist, but nobody can sign in as them: they have no password.
        var demo = await f.DbAsync(db => db.Users.Where(u => u.Email == FoundationDemo.People[0].Email).Select(u => u.PasswordHash).SingleAsync());
        Assert.Null(demo);
        var home = await f.Browser().HtmlAsync("/");
        Assert.Contains("Агора", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminBootstrap_NoConfiguration_CreatesNoAdministrator()
    {
        var any = await f.InScopeAsync(sp => sp.GetRequiredService<AdminBootstrap>().AnyAdministratorAsync());
        var roles = await f.DbAsync(db => db.Roles.Select(r => r.Name).ToListAsync());
        Assert.Contains(Roles.Administrator, roles);
        Assert.Contains(Roles.Moderator, roles);
        // Other tests in this class add people without roles only; no default administrator exists.
        Assert.False(any);
    }
}

public sealed class BootstrapAdministratorTests : IAsyncLifetime
{
    private readonly AgoraFactory f = new();

    public ValueTask InitializeAsync()
    {
        f.Settings["Agora:Bootstrap:AdminEmail"] = "root@sofia.bg";
        f.Settings["Agora:Bootstrap:AdminPassword"] = "a long bootstrap passphrase";
        return f.InitializeAsync();
    }

    public ValueTask DisposeAsync() => f.DisposeAsync();

    [Fact]
    public async Task Start_WithBootstrapSettings_CreatesConfirmedAdministrator()
    {
        var admin = await f.DbAsync(db => db.Users.SingleAsync(u => u.Email == "root@sofia.bg"));
        Assert.True(admin.EmailConfirmed);
        var isAdmin = await f.InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AgoraUser>>().IsInRoleAsync(admin, Roles.Administrator));
        Assert.True(isAdmin);
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "admin.create")));
    }

    [Fact]
    public async Task AdminCreate_WeakPassword_IsRefusedWithTheReason()
    {
        var errors = await f.InScopeAsync(sp => sp.GetRequiredService<AdminBootstrap>().CreateAsync("weak@sofia.bg", "short"));
        Assert.NotEmpty(errors);
        Assert.False(await f.DbAsync(db => db.Users.AnyAsync(u => u.Email == "weak@sofia.bg")));
    }
}
