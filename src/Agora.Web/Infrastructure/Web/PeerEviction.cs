using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// Several nodes on one PostgreSQL database: a write to public content on one node evicts the cached pages of every
/// node, not only its own. After a local eviction the node sends <c>NOTIFY agora_output_cache</c> with its id; every
/// node LISTENs on that channel and evicts <see cref="OutputCaching.ContentTag"/> when another node's id arrives.
/// A burst of writes coalesces into one notification per round trip. The post-commit eviction notifies again, so the
/// last notification of a write always leaves after its commit, and a reader on another node that began before the
/// eviction cannot store what it read (<see cref="GuardedOutputCacheStore"/>). While the listening connection is down
/// nothing is heard: on reconnecting the node evicts everything once. SQLite is one node: nothing to tell.
/// </summary>
public sealed class PeerEviction(IOutputCacheStore store, string connectionString, ILogger<PeerEviction> log) : BackgroundService
{
    public const string Channel = "agora_output_cache";

    /// <summary>The shortest gap between two notifications from this node: a burst of votes sends a few, not thousands.</summary>
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(50);

    private readonly string node = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim pending = new(0, 1);
    private int dirty;

    /// <summary>Registers it when the database is PostgreSQL (a maintenance command serves nothing and never calls this).</summary>
    public static void Add(WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection("Agora:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Postgres || builder.Configuration.GetConnectionString("Agora") is not { Length: > 0 } connection)
            return;
        builder.Services.AddSingleton(sp => new PeerEviction(sp.GetRequiredService<IOutputCacheStore>(), connection, sp.GetRequiredService<ILogger<PeerEviction>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PeerEviction>());
    }

    /// <summary>After this node evicted its copies for a write: tell the others (soon, off the request's path).</summary>
    public void Written()
    {
        if (Interlocked.Exchange(ref dirty, 1) == 0)
        {
            try
            {
                pending.Release();
            }
            catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
            {
                // Already signalled, or the node is stopping.
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stop)
    {
        // Its own physical connection (not returned to the pool with LISTEN on it); keepalives notice a dead server.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ToString();
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listen);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != node)
                        Evict();
                };
                await connection.OpenAsync(stop);
                await using (var command = new NpgsqlCommand("LISTEN " + Channel, connection))
                    await command.ExecuteNonQueryAsync(stop);
                if (failures > 0)
                    log.LogInformation("Listening again for other nodes' writes");
                failures = 0;
                // Writes made elsewhere while this node was not listening were not heard.
                Evict();
                while (!stop.IsCancellationRequested)
                    await connection.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                if (failures++ == 0)
                    log.LogWarning(e, "Lost the channel that tells this node of other nodes' writes; their changes may show up to Agora:OutputCache:Seconds late until it is back");
                await Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), stop);
            }
        }
    }

    private async Task SendAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await pending.WaitAsync(stop);
                Interlocked.Exchange(ref dirty, 0);
                await using (var connection = new NpgsqlConnection(connectionString))
                {
                    await connection.OpenAsync(stop);
                    await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @node)", connection);
                    command.Parameters.AddWithValue("channel", Channel);
                    command.Parameters.AddWithValue("node", node);
                    await command.ExecuteNonQueryAsync(stop);
                }
                await Task.Delay(Gap, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                log.LogWarning(e, "Could not tell the other nodes of a write; trying again");
                Written();
                await Delay(TimeSpan.FromSeconds(1), stop);
            }
        }
    }

    private void Evict()
    {
        var evicting = store.EvictByTagAsync(OutputCaching.ContentTag, default);
        if (!evicting.IsCompletedSuccessfully)
            evicting.AsTask().GetAwaiter().GetResult();
    }

    private static async Task Delay(TimeSpan wait, CancellationToken stop)
    {
        try
        {
            await Task.Delay(wait, stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends.
        }
    }

    public override void Dispose()
    {
        pending.Dispose();
        base.Dispose();
    }
}
