using Agora.OpinionMap;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Observability;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

/// <summary>
/// Recomputes a conversation's opinion map from its stored votes with <see cref="OpinionMapComputation"/> and
/// stores the result. Called by <see cref="OpinionMapWorker"/> in the background, by the demo and by tests.
/// </summary>
public sealed class OpinionMapRefresh(AgoraDb db, TimeProvider clock, ILogger<OpinionMapRefresh> log)
{
    /// <summary>Below this many voters the map says "too few participants" instead of grouping noise.</summary>
    public const int MinParticipants = 7;

    /// <summary>Recomputes every conversation whose votes or moderation changed since its stored result.</summary>
    public async Task<int> RefreshDueAsync(CancellationToken ct)
    {
        var due = await db.Set<Conversation>().Where(c => c.Version != c.ComputedVersion).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in due)
            await RecomputeAsync(id, ct);
        return due.Count;
    }

    public async Task RecomputeAsync(Guid conversationId, CancellationToken ct)
    {
        // Read the version first: votes arriving during the computation bump it again, so they are picked up next time.
        var version = await db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => (long?)c.Version).FirstOrDefaultAsync(ct);
        if (version == null)
            return;
        var (matrix, options) = await LoadAsync(conversationId, ct);
        var snapshot = Compute(matrix, options, conversationId);
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.Set<ConversationResult>().FirstOrDefaultAsync(r => r.ConversationId == conversationId, ct);
        if (stored == null)
        {
            stored = new ConversationResult { ConversationId = conversationId };
            db.Add(stored);
        }
        stored.Json = snapshot.ToJson();
        stored.ComputedAt = now;
        stored.VoteCount = matrix.VoteCount;
        stored.Version = version.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(stored).State == EntityState.Added)
        {
            // Another refresh (the worker, the demo, an administrator) stored the first result at the same moment;
            // its result stands, and the version check recomputes on the next round if votes moved on.
            db.Entry(stored).State = EntityState.Detached;
            return;
        }
        await db.Set<Conversation>().Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ComputedVersion, version.Value), ct);
        await tx.CommitAsync(ct);
    }

    private OpinionSnapshot Compute(VoteMatrix matrix, OpinionMapOptions options, Guid conversationId) =>
        ComputeSnapshot(matrix, options, log, conversationId);

    /// <summary>The snapshot of a vote matrix; "no groups" when there are too few participants or the input is degenerate.</summary>
    public static OpinionSnapshot ComputeSnapshot(VoteMatrix matrix, OpinionMapOptions options, ILogger log, Guid conversationId)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.ParticipantCount < MinParticipants || matrix.StatementCount < 2)
            return OpinionSnapshot.Empty(matrix.ParticipantCount, matrix.VoteCount);
        try
        {
            return OpinionSnapshot.From(OpinionMapComputation.Compute(matrix, options), matrix);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            // Degenerate input (e.g. everyone voted the same): say "no groups" rather than fail every refresh.
            log.LogWarning(e, "Opinion map of conversation {Id} could not be computed", conversationId);
            return OpinionSnapshot.Empty(matrix.ParticipantCount, matrix.VoteCount);
        }
    }

    /// <summary>
    /// The conversation's latest votes as a matrix keyed by participant and statement numbers. A changed vote gives
    /// two events (first vote time, latest time) so the in-conversation replay sees when the cell was first filled.
    /// </summary>
    public async Task<(VoteMatrix Matrix, OpinionMapOptions Options)> LoadAsync(Guid conversationId, CancellationToken ct)
    {
        var rows = await (
            from v in db.Set<StatementVote>()
            where v.ConversationId == conversationId
            join p in db.Set<Participant>() on v.ParticipantId equals p.Id
            join s in db.Set<Statement>() on v.StatementId equals s.Id
            select new { P = p.Number, S = s.Number, v.Value, v.CreatedAt, v.UpdatedAt }).ToListAsync(ct);
        var records = new List<VoteRecord>(rows.Count);
        foreach (var r in rows)
        {
            var first = Millis(r.CreatedAt);
            var last = Millis(r.UpdatedAt);
            records.Add(new VoteRecord(r.P, r.S, r.Value, first));
            if (last != first)
                records.Add(new VoteRecord(r.P, r.S, r.Value, last));
        }
        var flags = await db.Set<Statement>()
            .Where(s => s.ConversationId == conversationId && (s.Status == StatementStatus.Rejected || s.IsMeta))
            .Select(s => new { s.Number, s.Status, s.IsMeta }).ToListAsync(ct);
        var options = new OpinionMapOptions
        {
            ModeratedOutStatementIds = flags.Where(f => f.Status == StatementStatus.Rejected).Select(f => f.Number).ToHashSet(),
            MetaStatementIds = flags.Where(f => f.IsMeta).Select(f => f.Number).ToHashSet(),
        };
        return (VoteMatrix.FromVotes(records), options);
    }

    public static long Millis(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    /// <summary>Pol.is timestamps (Unix milliseconds); a value outside what a date can hold is a broken file.</summary>
    public static DateTime FromMillis(long ms) =>
        ms is >= 0 and <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime
            : throw new Agora.OpinionMap.PolisCsvException($"timestamp {ms} is out of range");
}

/// <summary>
/// Every few seconds (Agora:OpinionMap:RefreshSeconds, default 5) recomputes the opinion maps whose votes changed.
/// Votes never wait for it. Off with Agora:OpinionMap:WorkerEnabled = false; failures are logged and retried.
/// </summary>
public sealed class OpinionMapWorker(IServiceScopeFactory scopes, IConfiguration config, AgoraMetrics metrics, ILogger<OpinionMapWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Agora:OpinionMap:WorkerEnabled", true))
            return;
        var period = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Agora:OpinionMap:RefreshSeconds", 5)));
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OpinionMapRefresh>().RefreshDueAsync(stoppingToken);
                metrics.Ran("opinion-map", ok: true);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round (database briefly unavailable, host shutting down) must not stop the worker
            catch (Exception e)
#pragma warning restore CA1031
            {
                metrics.Ran("opinion-map", ok: false);
                log.LogWarning(e, "Opinion map refresh failed; retrying next round");
            }
        }
    }
}
