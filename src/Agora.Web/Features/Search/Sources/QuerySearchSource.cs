using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Search.Sources;

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

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(AgoraDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = ids.Distinct().ToList();
        var idOf = IdOf; // one tree: its body and parameter must belong together
        var contains = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(list), idOf.Body),
            idOf.Parameters);
        var rows = await Project(db, Items(db).AsNoTracking().Where(contains)).ToListAsync(ct);
        return rows.Select(ToDocument).OfType<SearchDocument>().ToList();
    }

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync(AgoraDb db, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var skip = 0; ; skip += batchSize)
        {
            var rows = await Project(db, Items(db).AsNoTracking().OrderBy(IdOf).Skip(skip).Take(batchSize)).ToListAsync(ct);
            if (rows.Count > 0)
                yield return rows.Select(ToDocument).OfType<SearchDocument>().ToList();
            if (rows.Count < batchSize)
                yield break;
        }
    }
}
