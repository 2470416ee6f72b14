using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Agora.Web.Infrastructure.Data;

/// <summary>
/// Counts committed writes to a few entity types, so a cache of what they hold can key its entries by the count: an
/// entry made before the latest write is never read again. Tracked changes count after SaveChanges, ExecuteUpdate,
/// ExecuteDelete and raw SQL by the tables they name; inside a transaction only the commit counts. A read that began
/// before a commit keys its entry by the count it saw then, so it cannot put what it read back after the commit.
/// Each node counts its own writes only: caches keyed by it also expire after a few seconds for the other nodes.
/// </summary>
public abstract class WriteWatch : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<DbContext, object> saving = new();
    private readonly ConditionalWeakTable<DbContext, object> uncommitted = new();
    private long generation;

    /// <summary>Whether writing this entity type changes what the cache holds.</summary>
    protected abstract bool Watches(Type entityType);

    /// <summary>How many watched writes this node has committed.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(saving, eventData.Context))
            Written(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(saving, eventData.Context))
            Written(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Take(saving, eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(saving, eventData.Context);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (NamesWatchedTable(eventData.Context, command.CommandText))
            Written(eventData.Context);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (NamesWatchedTable(eventData.Context, command.CommandText))
            Written(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>An UPDATE … RETURNING runs as a reader.</summary>
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (NamesWatchedTable(eventData.Context, command.CommandText))
            Written(eventData.Context);
        return result;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        if (NamesWatchedTable(eventData.Context, command.CommandText))
            Written(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Take(uncommitted, eventData.Context))
            Interlocked.Increment(ref generation);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Take(uncommitted, eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(uncommitted, eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context == null)
            return;
        foreach (var entry in context.ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watches(entry.Metadata.ClrType))
            {
                saving.AddOrUpdate(context, Marker);
                return;
            }
    }

    private bool NamesWatchedTable(DbContext? context, string sql) =>
        WrittenTables.Named(context, sql) is { } types && types.Any(Watches);

    private void Written(DbContext? context)
    {
        if (context?.Database.CurrentTransaction != null)
            uncommitted.AddOrUpdate(context, Marker);
        else
            Interlocked.Increment(ref generation);
    }

    private static bool Take(ConditionalWeakTable<DbContext, object> table, DbContext? context) =>
        context != null && table.Remove(context);
}

/// <summary>
/// The entity types whose tables a raw INSERT, UPDATE or DELETE names: ExecuteUpdate, ExecuteDelete and raw SQL bypass
/// change tracking, so the interceptors that react to writes (<see cref="WriteWatch"/>, the output cache's eviction)
/// read the statement. Coarse on purpose: a table named in a subquery counts too.
/// </summary>
public static class WrittenTables
{
    private static readonly ConditionalWeakTable<IModel, (string Quoted, Type[] Types)[]> ByModel = new();

    public static IReadOnlyList<Type>? Named(DbContext? context, string sql)
    {
        if (context == null)
            return null;
        var start = sql.AsSpan().TrimStart();
        if (!start.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) && !start.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
            && !start.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
            return null;
        List<Type>? types = null;
        foreach (var (quoted, mapped) in ByModel.GetValue(context.Model, Map))
            if (sql.Contains(quoted, StringComparison.Ordinal))
                (types ??= []).AddRange(mapped);
        return types;
    }

    private static (string, Type[])[] Map(IModel model) => model.GetEntityTypes()
        .Where(t => t.GetTableName() != null)
        .GroupBy(t => t.GetTableName()!)
        .Select(g => ("\"" + g.Key + "\"", g.Select(t => t.ClrType).ToArray()))
        .ToArray();
}
