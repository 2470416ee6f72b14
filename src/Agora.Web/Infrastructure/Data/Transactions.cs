using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, or in the caller's when one is already open. Use it when rows and
    /// a stored counter over them are written by separate statements: a crash between the two then loses both, never one.
    /// </summary>
    public static async Task InTransactionAsync(this AgoraDb db, Func<Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction != null)
        {
            await work();
            return;
        }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>
    /// Queues this transaction behind any other that is recounting the same stored counter of the same subject, until
    /// it ends. Call it inside the transaction that changed the rows, right before the statement that recounts them.
    /// </summary>
    /// <remarks>
    /// Why: PostgreSQL runs each statement of a READ COMMITTED transaction on a snapshot taken when the statement
    /// starts. Two transactions that each add a row and then recount (<c>SET n = (SELECT count(*) …)</c>) can each count
    /// only their own row: the second recount waits for the first one's row lock, but then writes the count its older
    /// snapshot saw (two votes, a tally of one; seen in CI). With this lock taken first by a separate statement, the
    /// later recount starts after the earlier transaction committed, so it counts both. SQLite needs nothing: it lets
    /// one writer at a time, and a writer reads the newest data.
    /// </remarks>
    public static async Task LockCounterAsync(this AgoraDb db, string counter, Guid subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsSqlite())
            return;
        if (db.Database.CurrentTransaction == null)
            throw new InvalidOperationException("A counter lock is held by a transaction: take it inside the one that changed the rows.");
        var key = CounterKey(counter, subject);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }

    /// <summary>A 64-bit key for PostgreSQL's advisory locks, the same on every node.</summary>
    internal static long CounterKey(string counter, Guid subject)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(counter + ":" + subject.ToString("N")), hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }
}
