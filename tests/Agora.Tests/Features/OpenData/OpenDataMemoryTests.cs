using Agora.Web.Features.OpenData;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.OpenData;

[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>
/// An export streams: the live managed heap while writing 100,000 rows is no larger than while writing 10,000.
/// Rows are inserted with one SQL statement; the heap is measured (after a full collection) every megabyte of output.
/// Runs alone, so no other test's allocations blur the numbers.
/// </summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class OpenDataMemoryTests
{
    private const long Tolerance = 4 * 1024 * 1024;

    [Fact]
    public async Task Export_memory_does_not_grow_with_the_number_of_rows()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var process = await f.ProcessAsync(components: "proposals");
        var author = await f.PersonAsync();
        var proposal = new Proposal { ProcessId = process.Id, AuthorId = author.Id, Title = "Много коментари", Body = "…", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.Add(proposal);
            await db.SaveChangesAsync();
        });

        await InsertCommentsAsync(f, proposal.Id, author.Id, 1, 10_000);
        var small = await MeasureAsync(f);
        await InsertCommentsAsync(f, proposal.Id, author.Id, 10_001, 100_000);
        var large = await MeasureAsync(f);

        Assert.Equal(10_000, small.Csv.Rows);
        Assert.Equal(100_000, large.Csv.Rows);
        Assert.Equal(100_000, large.Json.Rows);
        Assert.True(large.Csv.Bytes > 9 * small.Csv.Bytes);
        Assert.True(large.Csv.Peak - small.Csv.Peak < Tolerance, $"CSV: peak live heap {small.Csv.Peak:N0} B at 10k rows, {large.Csv.Peak:N0} B at 100k rows");
        Assert.True(large.Json.Peak - small.Json.Peak < Tolerance, $"JSON: peak live heap {small.Json.Peak:N0} B at 10k rows, {large.Json.Peak:N0} B at 100k rows");
    }

    private static Task InsertCommentsAsync(AgoraFactory f, Guid proposalId, Guid authorId, int from, int to) => f.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AgoraDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        if (f.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Comment" ("Id", "TargetType", "TargetId", "RootId", "Depth", "AuthorId", "Body", "Stance", "Upvotes", "Downvotes", "CreatedAt")
                SELECT s.id, 'proposal', {0}, s.id, 1, {1}, 'Коментар номер ' || s.i || ', с „кавички“, "цитат" и запетая', 'Neutral', s.i % 7, s.i % 3, now()
                FROM (SELECT gen_random_uuid() AS id, i FROM generate_series({2}, {3}) AS i) AS s
                """, proposalId, authorId, from, to);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT {2} UNION ALL SELECT i + 1 FROM n WHERE i < {3})
                INSERT INTO "Comment" ("Id", "TargetType", "TargetId", "RootId", "Depth", "AuthorId", "Body", "Stance", "Upvotes", "Downvotes", "CreatedAt")
                SELECT printf('%08X-0000-4000-8000-%012X', 1, i), 'proposal', {0}, printf('%08X-0000-4000-8000-%012X', 1, i), 1, {1},
                       'Коментар номер ' || i || ', с „кавички“, "цитат" и запетая', 'Neutral', i % 7, i % 3, '2026-01-01 10:00:00'
                FROM n
                """, proposalId.ToString().ToUpperInvariant(), authorId.ToString().ToUpperInvariant(), from, to);
        }
    });

    private sealed record Measurement(long Rows, long Bytes, long Peak);

    private static async Task<(Measurement Csv, Measurement Json)> MeasureAsync(AgoraFactory f) =>
        (await MeasureAsync(f, OpenDataFormat.Csv), await MeasureAsync(f, OpenDataFormat.Json));

    private static async Task<Measurement> MeasureAsync(AgoraFactory f, OpenDataFormat format)
    {
        using var scope = f.Services.CreateScope();
        var dataset = scope.ServiceProvider.GetServices<IOpenDataset>().Single(d => d.Name == "comments");
        var context = new OpenDataContext(scope.ServiceProvider.GetRequiredService<AgoraDb>(), scope.ServiceProvider.GetRequiredService<Pseudonyms>(), "http://localhost");
        await using var sink = new HeapSamplingStream();
        var rows = await OpenDataWriter.WriteAsync(dataset, format, context, sink, CancellationToken.None);
        return new Measurement(rows, sink.Length, sink.Peak - sink.Baseline);
    }

    /// <summary>Discards what is written, sampling the live managed heap after the first megabyte and then every four
    /// (each sample is a full compacting collection, most of this test's time on a loaded machine; an export that held
    /// its rows would show at the first sample of the large run already).</summary>
    private sealed class HeapSamplingStream : Stream
    {
        private long length;
        private long nextSample = 1024 * 1024;

        public long Baseline { get; } = LiveHeap();

        /// <summary>Starts at the baseline: an export shorter than the first sample grew the heap by nothing measurable
        /// (a peak of 0 read as a negative growth, and made the small run look far below the large one).</summary>
        public long Peak { get; private set; }

        public HeapSamplingStream() => Peak = Baseline;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count(count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count(count);
            return Task.CompletedTask;
        }

        private void Count(int count)
        {
            length += count;
            if (length < nextSample)
                return;
            nextSample = length + 4 * 1024 * 1024;
            Peak = Math.Max(Peak, LiveHeap());
        }

        /// <summary>
        /// The live managed heap after one blocking, compacting full collection. GetTotalMemory(true) repeats
        /// collections (up to 20) until the figure settles, which cost most of this test's minute; one is enough here,
        /// since the test compares two peaks taken the same way.
        /// </summary>
        private static long LiveHeap()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return GC.GetTotalMemory(forceFullCollection: false);
        }
    }
}

public sealed class OpenDataWorkerTests
{
    [Fact]
    public async Task The_worker_writes_every_missing_file_at_start_without_leaving_temporary_files()
    {
        await using var f = new AgoraFactory();
        f.Settings["Agora:OpenData:WorkerEnabled"] = "true";
        await f.InitializeAsync();
        var store = f.Services.GetRequiredService<OpenDataStore>();
        var expected = store.Datasets.SelectMany(d => OpenDataFormat.All.Select(x => store.PathOf(d, x))).ToList();
        Assert.True(expected.Count >= 18, "nine datasets, two files each");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!expected.All(File.Exists) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.All(expected, path => Assert.True(File.Exists(path), path));
        Assert.Empty(Directory.GetFiles(store.Directory, "*.tmp"));
        Assert.StartsWith("id,", await File.ReadAllTextAsync(store.PathOf(store.Find("proposals")!, OpenDataFormat.Csv)), StringComparison.Ordinal);
    }
}
