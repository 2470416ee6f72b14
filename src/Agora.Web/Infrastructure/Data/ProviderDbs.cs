using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Agora.Web.Infrastructure.Data;

/// <summary>AgoraDb on SQLite; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteAgoraDb(DbContextOptions<SqliteAgoraDb> options) : AgoraDb(options);

/// <summary>AgoraDb on PostgreSQL; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresAgoraDb(DbContextOptions<PostgresAgoraDb> options) : AgoraDb(options);

// Design-time factories let `dotnet ef migrations add` build each provider's context without starting the app.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAgoraDb>
{
    public SqliteAgoraDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAgoraDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAgoraDb>
{
    public PostgresAgoraDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAgoraDb>().UseNpgsql("Host=localhost;Database=agora_design").Options);
}
