using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Infrastructure.Data;

/// <summary>
/// Settings each SQLite connection needs for parallel writes, applied once per native connection (pooled connections
/// keep them) by native calls, without an ADO.NET command:
/// <list type="bullet">
/// <item>A busy timeout. Without one, a writer that finds the database locked gets SQLITE_BUSY back and
/// Microsoft.Data.Sqlite retries after sleeping 150 ms, so parallel writes (supports, comments, ballots) queue in
/// 150 ms steps; with it, SQLite's own busy handler retries after 1, 2, 5, 10 … ms.</item>
/// <item><c>synchronous=NORMAL</c>, SQLite's recommended setting with write-ahead logging (which the database uses):
/// a commit no longer waits for an fsync of the log, only checkpoints do. The database stays consistent after a
/// crash of the process or the machine; a power cut may lose the last commits. Operators who want every commit on
/// disk set <c>Agora:Database:SqliteSynchronous</c> to FULL (or run PostgreSQL, the production database).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSetup(string synchronous = "NORMAL") : DbConnectionInterceptor
{
    /// <summary>As long as the default command timeout: a writer gives up after as long as any command may run.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    private static readonly string[] Levels = ["OFF", "NORMAL", "FULL", "EXTRA"];
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
    private readonly string pragma = "PRAGMA synchronous=" + (Levels.Contains(synchronous.ToUpperInvariant()) ? synchronous.ToUpperInvariant() : "NORMAL");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Configured.TryGetValue(handle, out _))
            return;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds);
        SQLitePCL.raw.sqlite3_exec(handle, pragma);
        Configured.AddOrUpdate(handle, this);
    }
}
