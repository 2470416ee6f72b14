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
}
