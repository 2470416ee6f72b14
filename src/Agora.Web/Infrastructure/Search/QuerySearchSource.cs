using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Search;

/// <summary>
/// A source as one LINQ query: <see cref="Items"/> selects the indexable entities (hidden ones filtered out there),
/// <see cref="Project"/> shapes them into rows (joins for the process slug …), <see cref="ToDocument"/> turns a row
/// into a document. Loading by ids and in batches comes for free.
/// </summary>
public abstract class QuerySearchSource<TEntity, TRow> : ISearchSource where TEntity : class
{
    public abstract string Kind { get; }
    public abstract IReadOnlyList<SearchTrigger> Triggers { get; }

    /// <summary>Indexable entities only.</summary>
    protected abstract IQueryable<TEntity> Items(AgoraDb db);

    /// <summary>The entity's id, as an expression so that filtering by ids runs in the database.</summary>
    protected abstract Expression<Func<TEntity, Guid>> IdOf { get; }

    /// <summary>The entities as rows (one query, no tracking).</summary>
    protected abstract IQueryable<TRow> Project(AgoraDb db, IQueryable<TEntity> items);

    protected abstract SearchDocument? ToDocument(TRow row);

    /// <summary>The process component the items belong to (see <see cref="SearchDocument.Component"/>); null for items
    /// that are not a process's module (pages, organisations …).</summary>
    protected virtual string? Component => null;

    private SearchDocument? Document(TRow row)
    {
        var d = ToDocument(row);
        return d != null && d.Component == null && Component is { } c ? d with { Component = c } : d;
    }

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(AgoraDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = ids.Distinct().ToList();
        var idOf = IdOf; // one tree: its body and parameter must belong together
        var contains = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(list), idOf.Body),
            idOf.Parameters);
        var rows = await Project(db, Items(db).AsNoTracking().Where(contains)).ToListAsync(ct);
        return rows.Select(Document).OfType<SearchDocument>().ToList();
    }

    /// <summary>
    /// All documents, in batches by id. Keyset paging: each batch starts after the previous batch's last id, so every
    /// batch is a seek on the primary key — OFFSET paging re-read all earlier rows and was quadratic at city size.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync(AgoraDb db, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var idOf = IdOf;
        var after = new IdBound();
        var first = new IdBound();
        var last = new IdBound();
        var afterFilter = Compare(idOf, after, ExpressionType.GreaterThan);
        var inBatch = Expression.Lambda<Func<TEntity, bool>>(
            Expression.AndAlso(Compare(idOf, first, ExpressionType.GreaterThanOrEqual).Body,
                Compare(idOf, last, ExpressionType.LessThanOrEqual).Body),
            idOf.Parameters);
        for (var started = false; ; started = true)
        {
            // The batch's ids first (a seek and a short walk of the key), then its rows by that id range.
            var items = Items(db).AsNoTracking();
            if (started)
                items = items.Where(afterFilter);
            var ids = await items.OrderBy(idOf).Select(idOf).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0)
                yield break;
            first.Value = ids[0];
            last.Value = ids[^1];
            var rows = await Project(db, Items(db).AsNoTracking().Where(inBatch)).ToListAsync(ct);
            if (rows.Count > 0)
                yield return rows.Select(Document).OfType<SearchDocument>().ToList();
            if (ids.Count < batchSize)
                yield break;
            after.Value = ids[^1];
        }
    }

    /// <summary>A value the queries read as a parameter (not a constant), so each batch reuses one cached query.</summary>
    private sealed class IdBound
    {
        public Guid Value;
    }

    /// <summary><c>id.CompareTo(bound) op 0</c>: Guid has no comparison operators; EF translates this to <c>id op @bound</c>.</summary>
    private static Expression<Func<TEntity, bool>> Compare(Expression<Func<TEntity, Guid>> idOf, IdBound bound, ExpressionType op)
    {
        var compareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;
        var value = Expression.Field(Expression.Constant(bound), nameof(IdBound.Value));
        var body = Expression.MakeBinary(op, Expression.Call(idOf.Body, compareTo, value), Expression.Constant(0));
        return Expression.Lambda<Func<TEntity, bool>>(body, idOf.Parameters);
    }
}
