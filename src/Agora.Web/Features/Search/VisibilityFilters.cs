using System.Globalization;
using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Agora.Web.Features.Search;

/// <summary>
/// What a reader may see, as cached filters: one bit set per index segment and kind of reader (anonymous, managers
/// of the same processes), kept while the segment lives, so a search intersects with a ready bit set instead of
/// evaluating the visibility rules again. The list of unpublished processes is read once per index version.
/// </summary>
public sealed class VisibilityFilters
{
    private const int MaxFilters = 256;

    private readonly ConditionalWeakTable<IndexReader, IReadOnlyList<Guid>> unpublished = [];
    private readonly Dictionary<string, Filter> filters = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock gate = new();

    /// <summary>The reader's filter; null for administrators (they see everything indexed).</summary>
    public Filter? For(IndexSearcher searcher, SearchReader reader)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsAdministrator)
            return null;
        // Everything in an unpublished process stays with its managers, whatever the item's own state.
        var hidden = Unpublished(searcher).Where(p => !reader.ManagedProcesses.Contains(p)).Order().ToList();
        var managed = reader.ManagedProcesses.Order().ToList();
        var key = string.Join(',', managed) + "|" + string.Join(',', hidden);
        lock (gate)
        {
            if (filters.TryGetValue(key, out var cached))
                return cached;
            if (filters.Count >= MaxFilters)
                filters.Clear();
            var visible = new BooleanQuery { { new TermQuery(new Term(SearchFields.Visibility, nameof(SearchVisibility.Public))), Occur.SHOULD } };
            foreach (var pid in managed)
            {
                visible.Add(new BooleanQuery
                {
                    { new TermQuery(new Term(SearchFields.Visibility, nameof(SearchVisibility.ProcessManagers))), Occur.MUST },
                    { new TermQuery(new Term(SearchFields.ProcessId, pid.ToString())), Occur.MUST },
                }, Occur.SHOULD);
            }
            var query = new BooleanQuery { { visible, Occur.MUST } };
            foreach (var pid in hidden)
                query.Add(new TermQuery(new Term(SearchFields.ProcessId, pid.ToString())), Occur.MUST_NOT);
            var filter = new CachingWrapperFilter(new QueryWrapperFilter(query));
            filters[key] = filter;
            return filter;
        }
    }

    private IReadOnlyList<Guid> Unpublished(IndexSearcher searcher) =>
        unpublished.GetValue(searcher.IndexReader, _ =>
        {
            var drafts = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Kind, "process")), Occur.MUST },
                { new TermQuery(new Term(SearchFields.Visibility, nameof(SearchVisibility.ProcessManagers))), Occur.MUST },
            };
            return searcher.Search(drafts, 10_000).ScoreDocs
                .Select(sd => Guid.Parse(searcher.Doc(sd.Doc).Get(SearchFields.Id, CultureInfo.InvariantCulture))).ToList();
        });
}
