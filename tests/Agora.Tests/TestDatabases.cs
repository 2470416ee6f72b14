using Agora.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

[assembly: AssemblyFixture(typeof(Agora.Tests.TestDatabases))]

namespace Agora.Tests;

/// <summary>
/// One database migrated per test run and provider, copied into each test host's own database: migrating from nothing
/// replays every migration (hundreds of statements) for each of the ~100 hosts a run builds, a copy is one backup call
/// (SQLite) or one <c>CREATE DATABASE … TEMPLATE</c> (PostgreSQL). The app still runs its own start-up on the copy and
/// finds nothing to apply. The assembly fixture drops the PostgreSQL template when the run ends.
/// </summary>
public sealed class TestDatabases : IAsyncDisposable
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..10];
    private static readonly Lock SqliteGate = new();
    private static SqliteConnection? sqliteTemplate;
    private static readonly Lock PostgresGate = new();
    private static string? postgresTemplate;

    /// <summary>Fills an empty in-memory database with a copy of the migrated template.</summary>
    public static void CopySqliteTemplate(SqliteConnection target)
    {
        lock (SqliteGate)
        {
            if (sqliteTemplate is null)
            {
                // A named in-memory database lives while one connection to it is open: this one, for the whole run.
                var connection = new SqliteConnection($"Data Source=file:agora_template_{RunId}?mode=memory&cache=shared");
                connection.Open();
                using (var db = new SqliteAgoraDb(new DbContextOptionsBuilder<SqliteAgoraDb>().UseSqlite(connection).Options))
                    db.Database.Migrate();
                sqliteTemplate = connection;
            }
            sqliteTemplate.BackupDatabase(target);
        }
    }

    /// <summary>Creates the named database on the server: a copy of the migrated template, or empty.</summary>
    public static void CreatePostgres(string server, string name, bool fromTemplate)
    {
        var template = fromTemplate ? PostgresTemplate(server) : null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var admin = new NpgsqlConnection(server);
                admin.Open();
                using var cmd = admin.CreateCommand();
                cmd.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
                cmd.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // "source database is being accessed by other users": another copy is being taken this instant.
                Thread.Sleep(50 * attempt);
            }
        }
    }

    private static string PostgresTemplate(string server)
    {
        lock (PostgresGate)
        {
            if (postgresTemplate is not null)
                return postgresTemplate;
            var name = "agora_template_" + RunId;
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                using var cmd = admin.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE \"{name}\"";
                cmd.ExecuteNonQuery();
            }
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ToString();
            using (var db = new PostgresAgoraDb(new DbContextOptionsBuilder<PostgresAgoraDb>().UseNpgsql(connectionString).Options))
                db.Database.Migrate();
            postgresTemplate = name;
            return name;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresTemplate is { } name && AgoraFactory.PostgresServer is { } server)
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        sqliteTemplate?.Dispose();
    }
}
