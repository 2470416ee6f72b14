using System.Runtime.InteropServices;

namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// Gives memory back to the system once a node falls idle after serving requests. Under load the garbage collector
/// keeps a young generation the size of the processor's cache (tens of MB) and the heap it grew to, and the C library
/// keeps the native memory it freed: none of it is returned while nothing allocates. After
/// <c>Agora:Memory:TrimAfterIdleSeconds</c> without a request (5; 0 turns it off) one full, compacting collection
/// in the collector's aggressive mode releases what the heap no longer uses, and <c>malloc_trim</c> does the same for
/// native memory. It runs once per idle spell and only when the node has allocated 16 MB since it last trimmed, so a
/// busy node never pays for it, and an idle one answering health probes does not repeat it. Measured after the bench's
/// workload on the city database: anonymous memory 133 → 88 MB (bench/RESULTS.md, sixth pass).
/// </summary>
public sealed partial class IdleMemoryTrim(IConfiguration configuration, TimeProvider clock, ILogger<IdleMemoryTrim> logger)
    : BackgroundService
{
    private long lastRequest = clock.GetTimestamp();
    private int servedSinceTrim;
    private int inFlight;
    private int trims;
    private long allocatedAtTrim;

    /// <summary>
    /// Trims only after this much was allocated since the last trim: a node that only answers a load balancer's
    /// health probes has nothing to give back, and should not collect after every probe.
    /// </summary>
    internal long MinAllocatedBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Bytes this process has allocated so far. A seam for the tests: the real counter is process-wide, and other tests
    /// running beside them move it.
    /// </summary>
    internal Func<long> AllocatedBytes { get; set; } = () => GC.GetTotalAllocatedBytes();

    /// <summary>Wraps every request (the first middleware): counts it in flight, and its end starts the idle clock.</summary>
    public async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Interlocked.Increment(ref inFlight);
        if (Volatile.Read(ref servedSinceTrim) == 0)
            Volatile.Write(ref servedSinceTrim, 1);
        try
        {
            await next(context);
        }
        finally
        {
            Volatile.Write(ref lastRequest, clock.GetTimestamp());
            Interlocked.Decrement(ref inFlight);
        }
    }

    /// <summary>How many times this node has trimmed (for the tests).</summary>
    public int Trims => Volatile.Read(ref trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(configuration.GetValue("Agora:Memory:TrimAfterIdleSeconds", 5.0));
        if (idle <= TimeSpan.Zero)
            return;
        // The timer only polls (on the system clock); whether the node is idle is read from the injected clock.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(idle.TotalSeconds / 5, 0.2, 1)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (Volatile.Read(ref servedSinceTrim) == 0 || Volatile.Read(ref inFlight) > 0
                || clock.GetElapsedTime(Volatile.Read(ref lastRequest)) < idle)
                continue;
            Volatile.Write(ref servedSinceTrim, 0);
            if (AllocatedBytes() - allocatedAtTrim < MinAllocatedBytes)
                continue;
            Trim();
        }
    }

    /// <summary>Compacts the heap, releases what it no longer uses, and returns freed native memory.</summary>
    private void Trim()
    {
        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _ = MallocTrim(0);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Not glibc (musl has no malloc_trim): the collector's part is done all the same.
            }
        }
        allocatedAtTrim = AllocatedBytes();
        Interlocked.Increment(ref trims);
        LogTrimmed(before / 1048576, GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the project for this one blittable call
    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054

    [LoggerMessage(Level = LogLevel.Debug, Message = "Idle: heap trimmed from {Before} MB to {After} MB committed")]
    private partial void LogTrimmed(long before, long after);
}
