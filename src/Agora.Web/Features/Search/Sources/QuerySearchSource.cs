using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Search.Sources;

/// <summary>
/// A source as one LINQ query: <see cref="Rows"/> selects the indexable items (hidden ones filtered out there),
/// <see cref="ToDocument"/> turns a row into a document. Loading by ids and in batches comes for free.
/// </summary>
public abstract class QuerySearchSource<TRow> : ISearchSource
{
    public abstract string Kind { get; }
    public abstract IReadOnlyList<SearchTrigger> Triggers { get; }

    /// <summary>Indexable items only, projected to a row (one query, no tracking).</summary>
    protected abstract IQueryable<TRow> Rows(AgoraDb db);

    /// <summary>The row's id, as an expression so that filtering by ids runs in the database.</summary>
    protected abstract Expression<Func<TRow, Guid>> IdOf { get; }

    protected abstract SearchDocument? ToDocument(TRow row);

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(AgoraDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = ids.Distinct().ToList();
        var contains = Expression.Lambda<Func<TRow, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(list), IdOf.Body),
            IdOf.Parameters);
        var rows = await Rows(db).Where(contains).ToListAsync(ct);
        return rows.Select(ToDocument).OfType<SearchDocument>().ToList();
    }

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync(AgoraDb db, int batchSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var skip = 0; ; skip += batchSize)
        {
            var rows = await Rows(db).OrderBy(IdOf).Skip(skip).Take(batchSize).ToListAsync(ct);
            if (rows.Count > 0)
                yield return rows.Select(ToDocument).OfType<SearchDocument>().ToList();
            if (rows.Count < batchSize)
                yield break;
        }
    }
}
