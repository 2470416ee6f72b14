using System.Collections.Concurrent;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Observability;
using Agora.Web.Infrastructure.OpenData;

namespace Agora.Web.Features.OpenData;

/// <summary>Bound from Agora:OpenData.</summary>
public sealed class OpenDataOptions
{
    /// <summary>Where the generated files live; relative paths are under the content root.</summary>
    public string Directory { get; set; } = "data/open-data";
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>How often the worker regenerates every dataset.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>A generated file as the page, the catalogue and the download endpoint describe it.</summary>
public sealed record OpenDataFile(string Path, long Size, DateTime Modified);

/// <summary>
/// The generated files of every dataset. Each is written to a temporary file beside its final name and renamed
/// over it when complete, so a download never sees half a file and readers of the old file keep it until they
/// finish. One generation per dataset at a time; whoever waits for it gets the fresh file.
/// </summary>
public sealed class OpenDataStore(IEnumerable<IOpenDataset> datasets, IServiceScopeFactory scopes, Pseudonyms pseudonyms,
    IConfiguration config, IWebHostEnvironment env, Microsoft.Extensions.Options.IOptions<OpenDataOptions> options, ILogger<OpenDataStore> log)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    public IReadOnlyList<IOpenDataset> Datasets { get; } = datasets.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    public IOpenDataset? Find(string name) => Datasets.FirstOrDefault(d => d.Name == name);

    public string Directory => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.Directory));

    public string PathOf(IOpenDataset dataset, OpenDataFormat format) => Path.Combine(Directory, $"{dataset.Name}.{format.Extension}");

    public OpenDataFile? Existing(IOpenDataset dataset, OpenDataFormat format)
    {
        var info = new FileInfo(PathOf(dataset, format));
        return info.Exists ? new OpenDataFile(info.FullName, info.Length, info.LastWriteTimeUtc) : null;
    }

    /// <summary>The file, generated now if it does not exist yet (once: concurrent callers wait for the same run).</summary>
    public async Task<OpenDataFile> GetOrCreateAsync(IOpenDataset dataset, OpenDataFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (Existing(dataset, format) is { } file)
            return file;
        var gate = locks.GetOrAdd(dataset.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (Existing(dataset, format) is { } made)
                return made;
            await WriteAsync(dataset, format, ct);
        }
        finally
        {
            gate.Release();
        }
        return Existing(dataset, format) ?? throw new InvalidOperationException($"open data file {dataset.Name}.{format.Extension} not written");
    }

    /// <summary>Regenerates both files of a dataset.</summary>
    public async Task GenerateAsync(IOpenDataset dataset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var gate = locks.GetOrAdd(dataset.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            foreach (var format in OpenDataFormat.All)
                await WriteAsync(dataset, format, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task WriteAsync(IOpenDataset dataset, OpenDataFormat format, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var target = PathOf(dataset, format);
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using var scope = scopes.CreateScope();
            var context = new OpenDataContext(scope.ServiceProvider.GetRequiredService<AgoraDb>(), pseudonyms, SiteRoot(config));
            long rows;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                rows = await OpenDataWriter.WriteAsync(dataset, format, context, file, ct);
            File.Move(temp, target, overwrite: true);
            log.LogInformation("Open data {Dataset}.{Format}: {Rows} rows", dataset.Name, format.Extension, rows);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>Links inside the files: the configured public address, as in e-mails; files outlive any request.</summary>
    public static string SiteRoot(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var configured = config["Agora:PublicUrl"];
        return string.IsNullOrWhiteSpace(configured) ? "http://localhost:5080" : configured.TrimEnd('/');
    }
}

/// <summary>Regenerates every dataset's files: at start for those missing, then every <see cref="OpenDataOptions.Interval"/>.</summary>
public sealed class OpenDataWorker(OpenDataStore store, Microsoft.Extensions.Options.IOptions<OpenDataOptions> options, AgoraMetrics metrics, ILogger<OpenDataWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var onlyMissing = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var dataset in store.Datasets)
            {
                if (onlyMissing && OpenDataFormat.All.All(f => store.Existing(dataset, f) != null))
                    continue;
                try
                {
                    await store.GenerateAsync(dataset, stoppingToken);
                    metrics.Ran("open-data", ok: true);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One dataset failing must not stop the others; the old files stay in place.
                    metrics.Ran("open-data", ok: false);
                    log.LogError(ex, "Open data {Dataset} could not be regenerated", dataset.Name);
                }
            }
            onlyMissing = false;
            try
            {
                await Task.Delay(options.Value.Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
