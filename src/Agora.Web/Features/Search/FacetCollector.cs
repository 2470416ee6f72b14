using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Agora.Web.Features.Search;

/// <summary>One facet: a keyword field with sorted doc values, and the value the reader chose in it (if any).</summary>
internal sealed record FacetField(string Field, string? Selected);

/// <summary>
/// Facet counts "drill sideways" in one pass over the text matches: a document that passes every chosen facet value
/// goes to the results and counts in every facet; one that fails exactly one facet's choice counts only in that facet,
/// so each facet shows what choosing another of its values would give. Values are read from sorted doc values
/// (ordinals per segment), never from stored fields.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private const int NoChoice = int.MinValue;

    private readonly ICollector results;
    private readonly FacetField[] facets;
    private readonly Dictionary<string, int>[] counts;
    private readonly SortedDocValues?[] values;
    private readonly int[] chosenOrd;
    private readonly int[] docOrd;
    private readonly int[][] ordCounts;

    public FacetCollector(ICollector results, params FacetField[] facets)
    {
        this.results = results;
        this.facets = facets;
        counts = facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        values = new SortedDocValues?[facets.Length];
        chosenOrd = new int[facets.Length];
        docOrd = new int[facets.Length];
        ordCounts = new int[facets.Length][];
    }

    public bool AcceptsDocsOutOfOrder => results.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => results.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Flush();
        results.SetNextReader(context);
        for (var i = 0; i < facets.Length; i++)
        {
            var v = values[i] = context.AtomicReader.GetSortedDocValues(facets[i].Field);
            ordCounts[i] = new int[v?.ValueCount ?? 0];
            // A chosen value missing from this segment gives a negative ordinal: no document here has it.
            chosenOrd[i] = facets[i].Selected is not { } chosen ? NoChoice : v?.LookupTerm(new BytesRef(chosen)) ?? -1;
        }
    }

    public void Collect(int doc)
    {
        var misses = 0;
        var missed = -1;
        for (var i = 0; i < facets.Length; i++)
        {
            var ord = docOrd[i] = values[i]?.GetOrd(doc) ?? -1;
            if (chosenOrd[i] != NoChoice && (chosenOrd[i] < 0 || ord != chosenOrd[i]))
            {
                misses++;
                missed = i;
            }
        }
        if (misses == 0)
        {
            results.Collect(doc);
            for (var i = 0; i < facets.Length; i++)
            {
                if (docOrd[i] >= 0)
                    ordCounts[i][docOrd[i]]++;
            }
        }
        else if (misses == 1 && docOrd[missed] >= 0)
        {
            ordCounts[missed][docOrd[missed]]++;
        }
    }

    /// <summary>Call once after the search: adds the last segment's counts.</summary>
    public void Finish() => Flush();

    public IReadOnlyList<SearchFacet> Counts(string field)
    {
        var i = Array.FindIndex(facets, f => f.Field == field);
        return counts[i].Select(kv => new SearchFacet(kv.Key, kv.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < facets.Length; i++)
        {
            if (values[i] is not { } v)
                continue;
            for (var ord = 0; ord < ordCounts[i].Length; ord++)
            {
                if (ordCounts[i][ord] == 0)
                    continue;
                v.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                counts[i][key] = counts[i].GetValueOrDefault(key) + ordCounts[i][ord];
            }
            values[i] = null;
        }
    }
}
