using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Observability;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Search;

/// <summary>
/// Keeps this node's index level with the database: applies change-log entries through the sources, rebuilds when
/// the index is missing, of an old schema, or further behind than the log reaches, and prunes old log entries.
/// </summary>
public sealed class SearchIndexer(SearchIndex index, IEnumerable<ISearchSource> sources, IServiceScopeFactory scopes,
    TimeProvider clock, IOptions<SearchOptions> options, ILogger<SearchIndexer> log) : ISearchRebuild, IDisposable
{
    /// <summary>How long an id missing below the last applied one is looked for: the entry of a transaction that took
    /// its id before a later one committed (concurrent writers) is still picked up, once. An id still missing after
    /// this belonged to a transaction that rolled back.</summary>
    private static readonly TimeSpan LateWindow = TimeSpan.FromSeconds(30);

    /// <summary>Entries read per round; a longer backlog continues in the next round.</summary>
    private const int Batch = 5000;

    /// <summary>More ids missing than this at once are not tracked one by one.</summary>
    private const int MaxGaps = 10_000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, ISearchSource> byKind = sources.ToDictionary(s => s.Kind, StringComparer.Ordinal);
    private readonly List<ISearchChildSource> childSources = sources.OfType<ISearchChildSource>().ToList();
    /// <summary>Ids below the last applied one that were not in the log when it was read, with when they were first
    /// missed.</summary>
    private readonly Dictionary<long, DateTime> missing = [];

    /// <summary>Set until the first round after start or rebuild, which also re-reads the late window by time (the gaps
    /// of an earlier run of the node are not known).</summary>
    private bool gapsUnknown = true;

    public SearchIndex Index => index;

    /// <summary>This build's kinds of document, as the index records them after a rebuild.</summary>
    private string SourceKinds => string.Join(',', byKind.Keys.Order(StringComparer.Ordinal));

    /// <summary>Rebuilds if the index cannot simply follow the log from where it stopped; then applies what is new.</summary>
    public async Task EnsureReadyAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDb>();
        var first = await db.Set<SearchChange>().MinAsync(c => (long?)c.Id, ct);
        var last = await db.Set<SearchChange>().MaxAsync(c => (long?)c.Id, ct);
        var behindLog = first is { } f && index.LastChangeId < f - 1;
        var aheadOfLog = index.LastChangeId > (last ?? 0);
        var newSources = index.Sources != SourceKinds;
        if (index.NeedsRebuild || behindLog || aheadOfLog || newSources)
        {
            log.LogInformation("Rebuilding the search index (new: {New}, behind the log: {Behind}, ahead of it: {Ahead}, sources changed: {Sources})",
                index.NeedsRebuild, behindLog, aheadOfLog, newSources);
            await RebuildAsync(ct);
        }
        await ApplyChangesAsync(ct);
    }

    /// <summary>Recreates the index from the database. Changes made meanwhile are applied afterwards from the log.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDb>();
            // Read the log's end first: anything written while loading is re-applied afterwards, never missed.
            var last = await db.Set<SearchChange>().MaxAsync(c => (long?)c.Id, ct) ?? 0;
            index.RebuildingSoFar = 0;
            index.DeleteAll();
            var count = 0;
            foreach (var source in byKind.Values)
            {
                await foreach (var batch in source.LoadAllAsync(db, 500, ct))
                {
                    index.Add(batch);
                    count += batch.Count;
                    index.RebuildingSoFar = count;
                    db.ChangeTracker.Clear();
                }
            }
            index.Sources = SourceKinds;
            index.Commit(last);
            index.Compact(last);
            missing.Clear();
            gapsUnknown = true;
            log.LogInformation("Search index rebuilt: {Count} documents", count);
            return count;
        }
        finally
        {
            index.RebuildingSoFar = null;
            gate.Release();
        }
    }

    /// <summary>Applies new change-log entries; returns how many. Safe to call from tests to skip the poll wait.</summary>
    public async Task<int> ApplyChangesAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AgoraDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            var since = index.LastChangeId;
            var late = now - LateWindow;
            foreach (var expired in missing.Where(x => x.Value <= late).Select(x => x.Key).ToList())
                missing.Remove(expired);
            // The new entries from the last applied id on (a seek on the key, whatever the write rate), and the few
            // missing ids below it. Before, every round re-read the whole late window by time and skipped what it had
            // applied: under a sustained 170 writes/s that window held more than a batch of old entries, so new ones
            // were not reached until the writes slowed down.
            var changes = db.Set<SearchChange>().AsNoTracking();
            var entries = await changes.Where(c => c.Id > since).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (missing.Count > 0)
            {
                var gaps = missing.Keys.ToList();
                entries.AddRange(await changes.Where(c => gaps.Contains(c.Id)).ToListAsync(ct));
            }
            if (gapsUnknown)
                entries.AddRange(await changes.Where(c => c.Id <= since && c.At > late).ToListAsync(ct));
            gapsUnknown = false;
            entries = entries.DistinctBy(e => e.Id).ToList();
            if (entries.Count > 0)
            {
                foreach (var group in entries.GroupBy(e => e.Kind))
                {
                    if (!byKind.TryGetValue(group.Key, out var source))
                        continue;
                    var ids = group.Select(e => e.EntityId).Distinct().ToList();
                    var docs = await source.LoadAsync(db, ids, ct);
                    var found = docs.Select(d => d.Id).ToHashSet();
                    // Parents coming (back) into the index bring their children, which left with them; a renamed parent
                    // re-indexes its children too, whose documents carry its title (a comment is found by its
                    // proposal's name). Other changes (a support, an answer) leave the children as they are.
                    var children = childSources.Where(c => c.ParentKinds.Contains(group.Key)).ToList();
                    var refresh = new List<Guid>();
                    if (children.Count > 0)
                    {
                        var before = index.IndexedTitles(group.Key, found);
                        refresh = docs.Where(d => !before.TryGetValue(d.Id, out var titles) || titles != SearchIndex.TitlesOf(d))
                            .Select(d => d.Id).ToList();
                    }
                    index.Delete(group.Key, ids.Where(id => !found.Contains(id)));
                    index.Upsert(docs);
                    if (refresh.Count > 0)
                    {
                        foreach (var child in children)
                            index.Upsert(await child.LoadChildrenAsync(db, group.Key, refresh, ct));
                    }
                }
                var applied = entries.Select(e => e.Id).ToHashSet();
                var top = Math.Max(since, applied.Max());
                index.Commit(top);
                foreach (var id in applied)
                    missing.Remove(id);
                // Ids skipped between the last applied one and the new top: their transactions may not have committed.
                // A jump too wide to track id by id (a sequence moved on by hand) is re-read by time next round.
                if (top - since - applied.Count(id => id > since) > MaxGaps)
                    gapsUnknown = true;
                else
                {
                    for (var id = since + 1; id < top; id++)
                    {
                        if (!applied.Contains(id))
                            missing.TryAdd(id, now);
                    }
                }
            }
            index.CaughtUpAt = now;
            return entries.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Deletes log entries older than the retention, always keeping the newest so ids keep growing.</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AgoraDb>();
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.KeepChanges;
        var newest = await db.Set<SearchChange>().MaxAsync(c => (long?)c.Id, ct) ?? 0;
        return await db.Set<SearchChange>().Where(c => c.At < cutoff && c.Id < newest).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Follows the change log on this node: ready on start (a rebuild longer than <see cref="SearchOptions.StartWait"/>
/// goes on in the background), then a poll every <see cref="SearchOptions.PollInterval"/>.</summary>
public sealed class SearchWorker(IServiceProvider services, IOptions<SearchOptions> options, AgoraMetrics metrics, ILogger<SearchWorker> log) : BackgroundService
{
    private readonly CancellationTokenSource stopping = new();
    private Task? ready;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WorkerEnabled)
            return;
        var index = services.GetRequiredService<SearchIndex>();
        var clock = services.GetRequiredService<TimeProvider>();
        metrics.Gauge("agora.search.staleness", "s", "Seconds since this node's search index last caught up with the change log",
            () => index.CaughtUpAt is { } at ? (clock.GetUtcNow().UtcDateTime - at).TotalSeconds : null);
        // Before serving, as far as it goes quickly: following the log after a restart takes moments, and so does a
        // small site's rebuild, so the first searches find everything. A city's rebuild takes minutes: the node serves
        // meanwhile (pages do not need the index; modules' own lists fall back to the database while it is not fresh),
        // and the search page says that the index is still being built instead of finding nothing.
        ready = services.GetRequiredService<SearchIndexer>().EnsureReadyAsync(stopping.Token);
        var first = await Task.WhenAny(ready, Task.Delay(options.Value.StartWait, cancellationToken));
        if (first == ready)
            await ready;
        else
            log.LogInformation("The search index is still being rebuilt ({Count} documents so far); serving meanwhile", index.RebuildingSoFar ?? 0);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped again after it was disposed (a test host's disposal stops it once more).
        if (!disposed)
            await stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    private bool disposed;

    public override void Dispose()
    {
        disposed = true;
        stopping.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var indexer = services.GetRequiredService<SearchIndexer>();
        try
        {
            if (ready != null)
                await ready;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // A rebuild that failed in the background (the database briefly away): the loop below tries again.
            log.LogWarning(ex, "Search index start-up rebuild failed; retrying");
            ready = null;
        }
        var lastPrune = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
                if (ready == null)
                {
                    await indexer.EnsureReadyAsync(stoppingToken);
                    ready = Task.CompletedTask;
                }
                await indexer.ApplyChangesAsync(stoppingToken);
                metrics.Ran("search", ok: true);
                if (DateTime.UtcNow - lastPrune > TimeSpan.FromHours(1))
                {
                    await indexer.PruneAsync(stoppingToken);
                    lastPrune = DateTime.UtcNow;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; the poller survives and tries again.
                metrics.Ran("search", ok: false);
                log.LogWarning(ex, "Search index update failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
