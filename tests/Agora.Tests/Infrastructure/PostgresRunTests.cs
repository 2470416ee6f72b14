using Npgsql;

namespace Agora.Tests.Infrastructure;

/// <summary>
/// Says, once per run, whether this run covered PostgreSQL: skipped with how to enable it when AGORA_TEST_POSTGRES is
/// not set (the test platform lists a skipped test with its reason, where it keeps the test host's console to itself),
/// and otherwise checks that the server it names answers.
/// </summary>
public sealed class PostgresRunTests
{
    [Fact]
    public async Task The_suite_also_runs_on_PostgreSQL_when_a_server_is_given()
    {
        Assert.SkipWhen(AgoraFactory.PostgresServer is null,
            "The PostgreSQL run is skipped: set AGORA_TEST_POSTGRES to a server connection string "
            + "(e.g. \"Host=127.0.0.1;Username=agora;Database=postgres\") to run the suite on PostgreSQL; .ci/run runs both.");
        await using var connection = new NpgsqlConnection(AgoraFactory.PostgresServer);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, Convert.ToInt32(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture));
    }
}
