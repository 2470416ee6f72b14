using Agora.Web.Infrastructure.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Infrastructure;

/// <summary>`backup --to FILE`: SQLite's online backup of the live database, refused where it cannot help.</summary>
public sealed class BackupCommandTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "agora-backup-" + Guid.NewGuid().ToString("N")[..8]);

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await f.InScopeAsync(sp => CommandLine.BackupAsync(sp, command, output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Sqlite_CopiesEveryRow_WhileTheAppRuns()
    {
        Assert.SkipWhen(f.IsPostgres, "SQLite only: PostgreSQL is backed up with pg_dump");
        var person = await f.PersonAsync();
        var target = Path.Combine(folder, "agora-copy.db");
        try
        {
            var (code, output, _) = await RunAsync("backup", "--to", target);
            Assert.Equal(0, code);
            Assert.StartsWith("Database copied to " + target, output, StringComparison.Ordinal);
            await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync();
            await using var cmd = copy.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM AspNetUsers WHERE Email = $e";
            cmd.Parameters.AddWithValue("$e", person.Email);
            Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
            cmd.CommandText = "SELECT COUNT(*) FROM AspNetUsers";
            cmd.Parameters.Clear();
            Assert.Equal(await f.DbAsync(db => db.Users.LongCountAsync()), (long)(await cmd.ExecuteScalarAsync())!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
                Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task WithoutATarget_SaysWhatItNeeds()
    {
        var (code, _, error) = await RunAsync("backup");
        Assert.Equal(2, code);
        Assert.Contains("--to FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistingFile_IsNotOverwritten()
    {
        Assert.SkipWhen(f.IsPostgres, "SQLite only");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, "keep.db");
        await File.WriteAllTextAsync(target, "yesterday's backup");
        try
        {
            var (code, _, error) = await RunAsync("backup", "--to", target);
            Assert.Equal(2, code);
            Assert.Contains("exists already", error, StringComparison.Ordinal);
            Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(target));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Postgres_PointsToPgDump()
    {
        Assert.SkipUnless(f.IsPostgres, "PostgreSQL only");
        var (code, _, error) = await RunAsync("backup", "--to", Path.Combine(folder, "x.db"));
        Assert.Equal(2, code);
        Assert.Contains("pg_dump", error, StringComparison.Ordinal);
    }
}
