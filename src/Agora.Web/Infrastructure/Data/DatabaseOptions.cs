namespace Agora.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from <c>Agora:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (every node may do it: EF takes a migration lock).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>SQLite only: PRAGMA synchronous per connection (NORMAL, or FULL to fsync every commit); see SqliteConnectionSetup.</summary>
    public string SqliteSynchronous { get; set; } = "NORMAL";
}
