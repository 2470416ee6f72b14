using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Agora.Web.Infrastructure.Data;

/// <summary>
/// Runs before the app serves: migrations, roles, the first administrator, and the demo on a new database.
/// A hosted service (not code after Build()) so that tests through WebApplicationFactory get the same start;
/// its work runs in StartingAsync, before any hosted service starts (data protection reads its keys from the
/// database at start, so the tables must exist by then).
/// </summary>
public sealed class StartupTasks(IServiceProvider services, DatabaseOptions options, IConfiguration config, ILogger<StartupTasks> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AgoraDb>();
        var fresh = false;
        if (options.MigrateOnStart)
        {
            fresh = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
            await db.Database.MigrateAsync(cancellationToken);
            log.LogInformation("Database migrated ({Provider})", options.Provider);
        }
        await UseWriteAheadLogAsync(db, cancellationToken);
        var bootstrap = sp.GetRequiredService<AdminBootstrap>();
        await bootstrap.EnsureRolesAsync();
        await bootstrap.CreateFromConfigurationAsync();
        if (fresh && config.GetValue("Agora:Demo:SeedOnFirstStart", false))
        {
            await sp.GetRequiredService<DemoSeed>().RunAsync(cancellationToken);
            log.LogInformation("Seeded the Sofia demo on a new database");
        }
    }

    /// <summary>
    /// A SQLite file runs in write-ahead-log mode: readers no longer wait for a writer, and a commit appends to the log
    /// instead of rewriting pages through a rollback journal. The benchmark (issue 12) measured signed-in writes at a
    /// few dozen per second in the default mode. The mode is stored in the file, so this runs once per start.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(AgoraDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
            return;
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (csb.DataSource == ":memory:" || csb.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory
            || csb.DataSource.Contains("mode=memory", StringComparison.Ordinal))
            return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>/health/ready: the database answers and every migration of this build is applied.</summary>
public sealed class DatabaseReadyCheck(AgoraDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("database unreachable");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("database error", ex);
        }
    }

}
