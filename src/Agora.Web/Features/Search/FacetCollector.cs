using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Agora.Web.Features.Search;

/// <summary>Counts the matching documents per value of a few keyword fields (their sorted doc values), segment by segment.</summary>
internal sealed class FacetCollector(params string[] fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedDocValues?[] values = new SortedDocValues?[fields.Length];
    private readonly int[][] ordCounts = new int[fields.Length][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < fields.Length; i++)
        {
            values[i] = context.AtomicReader.GetSortedDocValues(fields[i]);
            ordCounts[i] = new int[values[i]?.ValueCount ?? 0];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (values[i] is { } v && v.GetOrd(doc) is var ord and >= 0)
                ordCounts[i][ord]++;
        }
    }

    /// <summary>Call once after the search: adds the last segment's counts.</summary>
    public void Finish() => Flush();

    public IReadOnlyList<SearchFacet> Counts(string field) =>
        counts[field].Select(kv => new SearchFacet(kv.Key, kv.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < fields.Length; i++)
        {
            if (values[i] is not { } v)
                continue;
            for (var ord = 0; ord < ordCounts[i].Length; ord++)
            {
                if (ordCounts[i][ord] == 0)
                    continue;
                v.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                counts[fields[i]][key] = counts[fields[i]].GetValueOrDefault(key) + ordCounts[i][ord];
            }
            values[i] = null;
        }
    }
}
