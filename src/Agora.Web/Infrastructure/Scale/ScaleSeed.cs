using System.Diagnostics;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Scale;

/// <summary>
/// How much data <c>seed scale</c> generates. <see cref="City"/> is the size of Sofia from issue 12;
/// <see cref="Small"/> is a hundredth of it, for a quick benchmark; tests use tinier sizes.
/// </summary>
public sealed record ScaleSize(
    string Name,
    int Users,
    int Processes,
    int Proposals,
    int Supports,
    int Comments,
    int HotProposalComments,
    int Events,
    int Registrations,
    int Organizations,
    int Budgets,
    int BudgetProjects,
    int VerifiedResidents,
    int Ballots,
    int Results)
{
    public static ScaleSize City { get; } = new("city", 300_000, 100, 50_000, 2_000_000, 500_000, 5_000, 3_000, 100_000, 5_000,
        125, 3_000, 100_000, 150_000, 20_000);

    public static ScaleSize Small { get; } = new("small", 3_000, 10, 500, 20_000, 5_000, 1_000, 30, 1_000, 50,
        12, 60, 1_500, 1_500, 200);

    public static ScaleSize? Named(string name) => name.ToLowerInvariant() switch
    {
        "city" => City,
        "small" => Small,
        _ => null,
    };

    /// <summary>A size scaled by a factor, for tests that compare a page's query count at two sizes.</summary>
    public static ScaleSize Tiny(int factor) =>
        new("tiny" + factor, 40 * factor, 2 * factor, 20 * factor, 60 * factor, 60 * factor, 10 * factor, 4 * factor, 20 * factor, 5 * factor,
            2 * factor, 12 * factor, 30 * factor, 20 * factor, 5 * factor);
}

/// <summary>
/// One module's part of the generated city. Implement it next to the module (e.g. budgets with their ballots,
/// tracked results) and register it with <c>services.AddScoped&lt;IScaleContributor, X&gt;()</c>; contributors run by
/// <see cref="Order"/> and read what earlier ones produced from the <see cref="ScaleContext"/>.
/// </summary>
public interface IScaleContributor
{
    int Order { get; }

    /// <summary>The process component the module's part needs switched on in the generated processes, if any.</summary>
    string? Component => null;

    Task ContributeAsync(ScaleContext context, CancellationToken ct);
}

/// <summary>What the contributors share: the size, the bulk writer, a deterministic random source and the ids made so far.</summary>
public sealed class ScaleContext(ScaleSize size, BulkWriter writer, DateTime now, TextWriter log)
{
    private readonly Random idSource = new(20261127);

    public ScaleSize Size { get; } = size;
    public BulkWriter Writer { get; } = writer;
    public TextWriter Log { get; } = log;

    /// <summary>The generator's "now": fixed to the day it runs, so dates look current.</summary>
    public DateTime Now { get; } = now;

    /// <summary>Generated citizens (not the bench accounts), in creation order.</summary>
    public Guid[] Users { get; set; } = [];

    /// <summary>The bench citizens' ids (they can sign in), in number order.</summary>
    public List<Guid> BenchCitizens { get; } = [];

    /// <summary>The open budget the bench votes in ("/processes/{slug}/budgets/{id}"); its bench citizens have not voted.</summary>
    public string? BenchBudget { get; set; }

    public List<ScaleProcess> Processes { get; } = [];

    /// <summary>The process components the contributors need (their <see cref="IScaleContributor.Component"/>), for
    /// the generated processes to switch on.</summary>
    public List<string> Components { get; } = [];

    public Guid[] Organizations { get; set; } = [];

    /// <summary>Proposal category ids per process.</summary>
    public Dictionary<Guid, Guid[]> Categories { get; set; } = [];

    /// <summary>Proposal pages ("/processes/{slug}/proposals/{id}") in creation order; the first has the long thread.</summary>
    public List<string> Proposals { get; } = [];

    /// <summary>A seeded random source per module, so adding a module does not change what the others generate.</summary>
    public static Random RandomFor(string module) => new(StableHash(module));

    /// <summary>Ids come from a seeded source too, so two runs produce the same database.</summary>
    public Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        idSource.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4, like Guid.NewGuid()
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
            h = unchecked((h * 31) + c);
        return h;
    }
}

/// <summary>A generated process and what modules attach to it.</summary>
public sealed record ScaleProcess(Guid Id, string Slug, Guid CurrentPhaseId, string Scope);

/// <summary>Runs the contributors on an empty database and reports the time per table and in total.</summary>
public sealed class ScaleSeed(AgoraDb db, IEnumerable<IScaleContributor> contributors, TimeProvider clock, IServiceProvider services)
{
    public async Task<int> RunAsync(ScaleSize size, TextWriter log, CancellationToken ct, string? manifestPath = null)
    {
        if (await db.Users.AnyAsync(ct))
        {
            await log.WriteLineAsync("The database already holds people or processes. `seed scale` fills an empty database only: point ConnectionStrings__Agora at a new one.");
            return 1;
        }
        var watch = Stopwatch.StartNew();
        await log.WriteLineAsync($"Generating the '{size.Name}' city on {(db.Database.IsSqlite() ? "SQLite" : "PostgreSQL")} …");
        if (db.Database.IsSqlite())
        {
            // Bulk loading only: a crash mid-way leaves a database to throw away anyway.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF", ct);
            // Random Guid keys insert all over the B-trees: with SQLite's default 2 MB page cache the city size ran at
            // under a thousand rows a second. A large cache and an in-memory journal keep it in the hundred thousands.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -1000000", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = MEMORY", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY", ct);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var writer = new BulkWriter(db, log);
        var context = new ScaleContext(size, writer, clock.GetUtcNow().UtcDateTime, log);
        var ordered = contributors.OrderBy(c => c.Order).ToList();
        context.Components.AddRange(ordered.Select(c => c.Component).OfType<string>().Distinct());
        foreach (var contributor in ordered)
            await contributor.ContributeAsync(context, ct);
        // Fresh statistics, so the query planners pick the indexes at this size.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        var rows = writer.Timings.Values.Sum(t => t.Rows);
        // The rows went in by raw SQL, past the search change log: build the index now, so a server started on this
        // database serves search at once instead of rebuilding in its startup.
        var searchTime = TimeSpan.Zero;
        if (services.GetService<ISearchRebuild>() is { } indexer)
        {
            var started = watch.Elapsed;
            var documents = await indexer.RebuildAsync(ct);
            searchTime = watch.Elapsed - started;
            await log.WriteLineAsync($"  {"search index",-24} {documents,10:N0} docs in {searchTime.TotalSeconds,7:F1} s");
        }
        if (manifestPath != null)
            await WriteManifestAsync(manifestPath, context, writer, watch.Elapsed, searchTime, ct);
        await log.WriteLineAsync($"Done: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary>What the benchmark needs to find its pages, and how long generating took per table.</summary>
    private static async Task WriteManifestAsync(string path, ScaleContext context, BulkWriter writer, TimeSpan total, TimeSpan searchTime, CancellationToken ct)
    {
        var manifest = new
        {
            size = context.Size,
            provider = writer.Provider,
            seconds = Math.Round(total.TotalSeconds, 1),
            searchIndexSeconds = Math.Round(searchTime.TotalSeconds, 1),
            tables = writer.Timings.ToDictionary(t => t.Key, t => new { rows = t.Value.Rows, seconds = Math.Round(t.Value.Time.TotalSeconds, 2) }),
            bigProcess = context.Processes.Count > 0 ? context.Processes[0].Slug : null,
            hotProposal = context.Proposals.Count > 0 ? context.Proposals[0] : null,
            proposals = context.Proposals,
            benchBudget = context.BenchBudget,
            benchCitizens = Enumerable.Range(1, PeopleScale.BenchCitizens).Select(PeopleScale.BenchCitizen).ToArray(),
        };
        await using var file = File.Create(path);
        await System.Text.Json.JsonSerializer.SerializeAsync(file, manifest, cancellationToken: ct);
    }
}
