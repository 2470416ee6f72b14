using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Data;

/// <summary>One stored counter that did not match its rows: where it is, what it said and what it says now.</summary>
public sealed record CounterFix(string Table, string Id, string Column, int Was, int Now);

/// <summary>A counter's stored and counted value for one row (a member-init projection, so it can be filtered).</summary>
public sealed class CounterDrift
{
    public Guid Id { get; init; }
    public int Was { get; init; }
    public int Now { get; init; }
}

/// <summary>
/// A module's stored counters (comment counts, supports, places …), each recounted from its rows by the same rule its
/// write path uses. Every module that stores a counter registers one (<c>services.AddScoped&lt;IStoredCounters, …&gt;</c>
/// in its setup), so <see cref="CounterRepair"/> knows no module.
/// </summary>
public interface IStoredCounters
{
    Task RepairAsync(CounterRepair repair, CancellationToken ct);
}

/// <summary>
/// Recounts every stored counter from the rows it counts and stores the right number where it drifted
/// (<c>repair counters</c>). Writes keep counters in the transaction of their rows; this is for a database that lived
/// through older code, a restore, or a hand edit.
/// </summary>
public sealed class CounterRepair(AgoraDb db, IEnumerable<IStoredCounters> modules)
{
    private readonly List<CounterFix> fixes = [];

    public AgoraDb Db => db;

    public async Task<IReadOnlyList<CounterFix>> RunAsync(CancellationToken ct)
    {
        fixes.Clear();
        foreach (var module in modules)
            await module.RepairAsync(this, ct);
        return [.. fixes];
    }

    /// <summary>Reads the rows whose counter differs from its count, recounts those in SQL, and reports each.</summary>
    public async Task FixAsync(string table, string column, IQueryable<CounterDrift> rows,
        Func<List<Guid>, Task<int>> recount, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(recount);
        var drifted = await rows.Where(d => d.Was != d.Now).ToListAsync(ct);
        foreach (var chunk in drifted.Chunk(500))
            await recount([.. chunk.Select(d => d.Id)]);
        fixes.AddRange(drifted.Select(d => new CounterFix(table, d.Id.ToString(), column, d.Was, d.Now)));
    }

    /// <summary>A fix a module made its own way (e.g. a tally kept by triggers).</summary>
    public void Report(CounterFix fix) => fixes.Add(fix);
}
