using System.Globalization;
using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Search;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace Agora.Web.Features.Search;

/// <summary>
/// What a reader may see, as cached filters: one bit set per index segment and kind of reader (anonymous, managers
/// of the same processes), kept while the segment lives, so a search intersects with a ready bit set instead of
/// evaluating the visibility rules again. What the rules read from the index itself — the unpublished processes and
/// the components each process has switched off — is read once per index version.
/// </summary>
public sealed class VisibilityFilters
{
    private const int MaxFilters = 256;

    private readonly ConditionalWeakTable<IndexReader, ProcessRules> rules = [];
    private readonly Dictionary<string, Filter> filters = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock gate = new();

    /// <summary>The processes that are drafts, and the (process, component) terms of items whose component their
    /// process has switched off.</summary>
    private sealed record ProcessRules(IReadOnlyList<Guid> Unpublished, IReadOnlyList<string> SwitchedOff);

    /// <summary>The reader's filter; null when nothing indexed is kept from them (administrators, while no process has
    /// switched off a component that still has items).</summary>
    public Filter? For(IndexSearcher searcher, SearchReader reader)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(reader);
        var known = Rules(searcher);
        if (reader.IsAdministrator && known.SwitchedOff.Count == 0)
            return null;
        // Everything in an unpublished process stays with its managers, whatever the item's own state.
        var hidden = reader.IsAdministrator ? [] : known.Unpublished.Where(p => !reader.ManagedProcesses.Contains(p)).Order().ToList();
        var managed = reader.ManagedProcesses.Order().ToList();
        var key = (reader.IsAdministrator ? "admin" : string.Join(',', managed)) + "|" + string.Join(',', hidden) + "|" + string.Join(',', known.SwitchedOff);
        lock (gate)
        {
            if (filters.TryGetValue(key, out var cached))
                return cached;
            if (filters.Count >= MaxFilters)
                filters.Clear();
            var query = new BooleanQuery();
            if (reader.IsAdministrator)
                query.Add(new MatchAllDocsQuery(), Occur.MUST);
            else
            {
                var visible = new BooleanQuery { { new TermQuery(new Term(SearchFields.Visibility, nameof(SearchVisibility.Public))), Occur.SHOULD } };
                foreach (var pid in managed)
                {
                    visible.Add(new BooleanQuery
                    {
                        { new TermQuery(new Term(SearchFields.Visibility, nameof(SearchVisibility.ProcessManagers))), Occur.MUST },
                        { new TermQuery(new Term(SearchFields.ProcessId, pid.ToString())), Occur.MUST },
                    }, Occur.SHOULD);
                }
                query.Add(visible, Occur.MUST);
            }
            foreach (var pid in hidden)
                query.Add(new TermQuery(new Term(SearchFields.ProcessId, pid.ToString())), Occur.MUST_NOT);
            // A module switched off in a process: its pages answer 404 to everyone, so its items are found by no one.
            // One terms filter whatever their number (a clause each could pass the query's clause limit).
            if (known.SwitchedOff.Count > 0)
                query.Add(new ConstantScoreQuery(new TermsFilter(known.SwitchedOff.Select(t => new Term(SearchFields.ProcessComponent, t)).ToList())), Occur.MUST_NOT);
            var filter = new CachingWrapperFilter(new QueryWrapperFilter(query));
            filters[key] = filter;
            return filter;
        }
    }

    private ProcessRules Rules(IndexSearcher searcher) =>
        rules.GetValue(searcher.IndexReader, reader =>
        {
            // Only the two small stored fields of each process document, not its texts.
            var fields = new HashSet<string>(StringComparer.Ordinal) { SearchFields.Id, SearchFields.Components };
            var processes = All(searcher, new TermQuery(new Term(SearchFields.Kind, "process")))
                .Select(doc => searcher.Doc(doc, fields)).ToList();
            var drafts = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Kind, "process")), Occur.MUST },
                { new TermQuery(new Term(SearchFields.Visibility, nameof(SearchVisibility.ProcessManagers))), Occur.MUST },
            };
            var unpublished = All(searcher, drafts)
                .Select(doc => Guid.Parse(searcher.Doc(doc, fields).Get(SearchFields.Id, CultureInfo.InvariantCulture))).ToList();
            var switchedOn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var doc in processes)
            {
                if (doc.Get(SearchFields.Components, CultureInfo.InvariantCulture) is { } list)
                    switchedOn[doc.Get(SearchFields.Id, CultureInfo.InvariantCulture)] = list.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            }
            // Every (process, component) pair that has items, from the term dictionary: a few per process.
            var off = new List<string>();
            if (MultiFields.GetTerms(reader, SearchFields.ProcessComponent) is { } terms)
            {
                var e = terms.GetEnumerator();
                while (e.MoveNext())
                {
                    var term = e.Term.Utf8ToString();
                    var slash = term.IndexOf('/', StringComparison.Ordinal);
                    if (slash > 0 && switchedOn.TryGetValue(term[..slash], out var on) && !on.Contains(term[(slash + 1)..]))
                        off.Add(term);
                }
            }
            return new ProcessRules(unpublished, off);
        });

    /// <summary>Every hit's document number: counted first, so the collector is sized to the hits (a few hundred
    /// processes), not to the index (a queue of 600,000 entries at city size, on every new index version).</summary>
    private static IEnumerable<int> All(IndexSearcher searcher, Query query)
    {
        var count = new TotalHitCountCollector();
        searcher.Search(query, count);
        return count.TotalHits == 0 ? [] : searcher.Search(query, count.TotalHits).ScoreDocs.Select(sd => sd.Doc);
    }
}
