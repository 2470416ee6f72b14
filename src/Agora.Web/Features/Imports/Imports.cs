using System.Security.Claims;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Imports;

/// <summary>Bound from <c>Agora:Imports</c>.</summary>
public sealed class ImportOptions
{
    /// <summary>The largest file one upload may carry (each file of a Pol.is import counts on its own).</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>With no job signalled, how often a node looks for queued jobs (another node may have queued them).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claim holds without news from its worker; progress renews it.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A job whose worker died this many times is marked failed instead of being taken again.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>At most this many refused lines are kept for the page (all are counted).</summary>
    public int MaxRefusalsKept { get; set; } = 1000;

    public bool WorkerEnabled { get; set; } = true;

    /// <summary>The request limit the upload pages set: two files of the largest allowed size and the form around them.</summary>
    public const long RequestLimit = 2L * 50 * 1024 * 1024 + 1024 * 1024;
}

/// <summary>Runs one kind of import from its stored files.</summary>
public interface IImportHandler
{
    string Kind { get; }

    /// <summary>Reads the files, reports rows read, refused and saved through <paramref name="progress"/>, and saves.
    /// Throws to fail the whole job (its message is shown); lines it cannot take are refused, not thrown.</summary>
    Task RunAsync(ImportJob job, IReadOnlyDictionary<string, byte[]> files, ImportProgress progress, CancellationToken ct);
}

/// <summary>
/// The running job's counters. <see cref="FlushAsync"/> writes them to the job row (and renews the claim); handlers call
/// <see cref="MaybeFlushAsync"/> as they go, so the page shows progress without a write per line.
/// </summary>
public sealed class ImportProgress(AgoraDb db, ImportJob job, Guid worker, ImportOptions options, TimeProvider clock)
{
    private readonly List<ImportRefusal> refusals = [];
    private DateTime lastFlush = DateTime.MinValue;

    public ImportJob Job => job;
    public IReadOnlyList<ImportRefusal> Refused => refusals;

    public void Read(int rows = 1) => job.RowsRead += rows;

    public void Refuse(string file, int line, string reason, string detail = "")
    {
        job.RowsRefused++;
        if (refusals.Count < options.MaxRefusalsKept)
            refusals.Add(new ImportRefusal(file, line, reason, detail.Length > 100 ? detail[..100] : detail));
    }

    public async Task MaybeFlushAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow().UtcDateTime - lastFlush >= TimeSpan.FromSeconds(1))
            await FlushAsync(ct);
    }

    /// <summary>Writes the counters; false when this worker no longer holds the job (its claim lapsed and another took it).</summary>
    public async Task<bool> FlushAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lastFlush = now;
        var until = now + options.ClaimFor;
        var (read, refused, toSave, saved, added, updated) = (job.RowsRead, job.RowsRefused, job.RowsToSave, job.RowsSaved, job.RowsAdded, job.RowsUpdated);
        var text = string.Join('\n', refusals.Select(r => r.Format()));
        return await db.Set<ImportJob>().Where(j => j.Id == job.Id && j.ClaimedBy == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsRead, read).SetProperty(j => j.RowsRefused, refused)
                .SetProperty(j => j.RowsToSave, toSave).SetProperty(j => j.RowsSaved, saved)
                .SetProperty(j => j.RowsAdded, added).SetProperty(j => j.RowsUpdated, updated)
                .SetProperty(j => j.Refusals, text).SetProperty(j => j.ClaimedUntil, until), ct) == 1;
    }
}

/// <summary>Wakes this node's worker right after a job is queued, instead of at the next poll.</summary>
public sealed class ImportSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Poke()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    public void Dispose() => signal.Dispose();
}

/// <summary>Stores an upload and queues its job, in one transaction, with an audit entry.</summary>
public sealed class ImportQueue(AgoraDb db, AuditLog audit, TimeProvider clock, ImportSignal signal, IOptions<ImportOptions> options)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    public async Task<ImportJob> EnqueueAsync(string kind, string title, string parameters, IReadOnlyDictionary<string, IFormFile> files,
        Guid? processId, ClaimsPrincipal by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var job = new ImportJob
        {
            Kind = kind,
            Status = ImportStatus.Queued,
            Title = title.Length > 300 ? title[..300] : title,
            Parameters = parameters,
            ProcessId = processId,
            CreatedById = by.UserId() ?? Guid.Empty,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(job);
        foreach (var (name, file) in files)
        {
            using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
            await using (var stream = file.OpenReadStream())
                await stream.CopyToAsync(buffer, ct);
            job.Bytes += buffer.Length;
            db.Add(new ImportFile { JobId = job.Id, Name = name, Content = buffer.ToArray() });
        }
        audit.Record(by, "import.queue", "import", job.Id.ToString(), $"{kind}: {job.Title} ({job.Bytes} bytes)");
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return job;
    }
}

/// <summary>
/// Takes the oldest due job and runs it. The claim is a conditional update, so with several nodes each job runs on
/// one; a node runs one job at a time, and takes none while another node's claim on a job is fresh.
/// </summary>
public sealed class ImportRunner(
    AgoraDb db, IEnumerable<IImportHandler> handlers, AuditLog audit, TimeProvider clock, IOptions<ImportOptions> options,
    ILogger<ImportRunner> log)
{
    private readonly Guid worker = Guid.NewGuid();

    /// <summary>Runs the next due job, if any; returns its id, or null when there was none to take.</summary>
    public async Task<Guid?> RunNextAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<ImportJob>().AsNoTracking()
            .Where(j => j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && j.ClaimedUntil < now))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            now = clock.GetUtcNow().UtcDateTime;
            var until = now + o.ClaimFor;
            var claimed = await db.Set<ImportJob>()
                .Where(j => j.Id == id
                            && (j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && j.ClaimedUntil < now))
                            && !db.Set<ImportJob>().Any(x => x.Id != id && x.Status == ImportStatus.Running && x.ClaimedUntil >= now))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running)
                    .SetProperty(j => j.ClaimedBy, worker).SetProperty(j => j.ClaimedUntil, until)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now).SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            if (claimed == 0)
                continue; // another node took it, or is running another job
            await RunAsync(id, ct);
            return id;
        }
        return null;
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        var o = options.Value;
        var job = await db.Set<ImportJob>().AsNoTracking().FirstAsync(j => j.Id == id, ct);
        if (job.Attempts > o.MaxAttempts)
        {
            await FinishAsync(job, ImportStatus.Failed, "Imports.Error.TooManyAttempts", ct);
            return;
        }
        // A job taken over after a crash starts counting again.
        (job.RowsRead, job.RowsRefused, job.RowsToSave, job.RowsSaved, job.RowsAdded, job.RowsUpdated) = (0, 0, 0, 0, 0, 0);
        var progress = new ImportProgress(db, job, worker, o, clock);
        var handler = handlers.FirstOrDefault(h => h.Kind == job.Kind);
        try
        {
            if (handler == null)
                throw new InvalidOperationException($"No import handler for '{job.Kind}'.");
            var files = await db.Set<ImportFile>().AsNoTracking().Where(f => f.JobId == id).ToDictionaryAsync(f => f.Name, f => f.Content, ct);
            await progress.FlushAsync(ct);
            await handler.RunAsync(job, files, progress, ct);
            db.ChangeTracker.Clear();
            await progress.FlushAsync(ct);
            await FinishAsync(job, ImportStatus.Succeeded, null, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The node is stopping: the claim lapses and a node takes the job again.
            throw;
        }
#pragma warning disable CA1031 // any failure of the import is the job's result, shown on its page; the worker goes on
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning(e, "Import {Id} ({Kind}) failed", id, job.Kind);
            db.ChangeTracker.Clear();
            var message = e is FormatException or InvalidDataException ? e.Message : e.GetType().Name + ": " + e.Message;
            await progress.FlushAsync(CancellationToken.None);
            await FinishAsync(job, ImportStatus.Failed, message.Length > 2000 ? message[..2000] : message, CancellationToken.None);
        }
    }

    private async Task FinishAsync(ImportJob job, ImportStatus status, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var resultUrl = job.ResultUrl;
        await db.InTransactionAsync(async () =>
        {
            var marked = await db.Set<ImportJob>().Where(j => j.Id == job.Id && j.ClaimedBy == worker)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.Error, error).SetProperty(j => j.ResultUrl, resultUrl)
                    .SetProperty(j => j.ClaimedUntil, (DateTime?)null), ct);
            if (marked == 0)
                return;
            // The upload is not kept once its job is over: census files carry personal data.
            await db.Set<ImportFile>().Where(f => f.JobId == job.Id).ExecuteDeleteAsync(ct);
            audit.Record(job.CreatedById, "import", status == ImportStatus.Succeeded ? "import.done" : "import.failed", "import", job.Id.ToString(),
                $"{job.Kind}: read {job.RowsRead}, refused {job.RowsRefused}, added {job.RowsAdded}, updated {job.RowsUpdated}"
                + (error != null ? "; " + error : ""));
            await db.SaveChangesAsync(ct);
        }, ct);
    }
}

/// <summary>
/// Runs queued imports one at a time on this node: woken by an upload here, or every Agora:Imports:PollInterval for
/// uploads on other nodes. Off with Agora:Imports:WorkerEnabled = false (the jobs then wait for a node that runs it).
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, IOptions<ImportOptions> options, AgoraMetrics metrics, ILogger<ImportWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Guid? ran;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    ran = await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunNextAsync(stoppingToken);
                } while (ran != null && !stoppingToken.IsCancellationRequested);
                metrics.Ran("imports", ok: true);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the database may be briefly unreachable; try again at the next tick
            catch (Exception e)
#pragma warning restore CA1031
            {
                metrics.Ran("imports", ok: false);
                log.LogError(e, "The import queue could not be processed");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ImportOptions>(config.GetSection("Agora:Imports"));
        services.AddSingleton<ImportSignal>();
        services.AddScoped<ImportQueue>();
        services.AddScoped<ImportRunner>();
        if (config.GetValue("Agora:Imports:WorkerEnabled", true))
            services.AddHostedService<ImportWorker>();
        return services;
    }
}

/// <summary>How the import pages say sizes and statuses.</summary>
public static class ImportsText
{
    /// <summary>A size limit as people read it: "50 MB", or "2 KB" below a megabyte.</summary>
    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.CurrentCulture) + " MB"
            : Math.Max(1, bytes / 1024).ToString(System.Globalization.CultureInfo.CurrentCulture) + " KB";

    public static string StatusKey(ImportStatus status) => "Imports.Status." + status;

    /// <summary>A failure is either a resource key (the handler's own words) or the text of the file's error.</summary>
    public static bool IsKey(string? error) => error != null && error.StartsWith("Imports.", StringComparison.Ordinal);
}
