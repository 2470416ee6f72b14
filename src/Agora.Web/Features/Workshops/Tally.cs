namespace Agora.Web.Features.Workshops;

/// <summary>One voter's score for one option (a need, a SWOT item): Borda points, allotted points or dots.</summary>
public readonly record struct Score<TKey>(Guid Voter, TKey Key, long Points);

/// <summary>An option's place in the result. Options with equal totals share a place, shown as "2–3".</summary>
public sealed record Standing<TKey>(TKey Key, long Total, int Voters, int From, int To)
{
    public bool Tied => From != To;

    public string Position => Tied ? $"{From}–{To}" : From.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The arithmetic of the workshop tools, pure so that it can be checked on hand-computed examples. Every method
/// first turns ballots into <see cref="Score{TKey}"/> rows; <see cref="Rank{TKey}"/> then sums them fairly: each
/// voter's points count once, options with no points still appear (with zero), equal totals share a position.
/// </summary>
public static class Tally
{
    /// <summary>Borda count over a top-N ranking: rank 1 gets N points, rank N gets 1. Ranks outside 1..N give nothing.</summary>
    public static IEnumerable<Score<TKey>> Borda<TKey>(IEnumerable<(Guid Voter, TKey Key, int Rank)> ranks, int slots) =>
        ranks.Where(r => r.Rank >= 1 && r.Rank <= slots).Select(r => new Score<TKey>(r.Voter, r.Key, slots + 1 - r.Rank));

    /// <summary>Points or dots as given; non-positive amounts are no vote.</summary>
    public static IEnumerable<Score<TKey>> Amounts<TKey>(IEnumerable<(Guid Voter, TKey Key, int Amount)> amounts) =>
        amounts.Where(a => a.Amount > 0).Select(a => new Score<TKey>(a.Voter, a.Key, a.Amount));

    /// <summary>Totals per option, highest first; ties keep the order of <paramref name="options"/> and share a position.</summary>
    public static IReadOnlyList<Standing<TKey>> Rank<TKey>(IEnumerable<Score<TKey>> scores, IReadOnlyList<TKey> options)
        where TKey : notnull
    {
        var byKey = scores.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => (Total: g.Sum(s => s.Points), Voters: g.Select(s => s.Voter).Distinct().Count()));
        var order = options.Select((k, i) => (Key: k, Index: i)).ToDictionary(x => x.Key, x => x.Index);
        var rows = options.Select(k => byKey.TryGetValue(k, out var t) ? (Key: k, t.Total, t.Voters) : (Key: k, Total: 0L, Voters: 0))
            .OrderByDescending(r => r.Total).ThenBy(r => order[r.Key]).ToList();
        var result = new List<Standing<TKey>>(rows.Count);
        for (var i = 0; i < rows.Count;)
        {
            var j = i;
            while (j + 1 < rows.Count && rows[j + 1].Total == rows[i].Total)
                j++;
            for (var k = i; k <= j; k++)
                result.Add(new Standing<TKey>(rows[k].Key, rows[k].Total, rows[k].Voters, i + 1, j + 1));
            i = j + 1;
        }
        return result;
    }

    /// <summary>Totals per option within each group of voters (stakeholder kind): group → option → total.
    /// Only groups with at least one voter appear.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<TKey, long>> Breakdown<TKey>(
        IEnumerable<Score<TKey>> scores, IReadOnlyDictionary<Guid, string> groupOf, string fallback) where TKey : notnull =>
        scores.GroupBy(s => groupOf.TryGetValue(s.Voter, out var g) ? g : fallback)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<TKey, long>)g.GroupBy(s => s.Key).ToDictionary(x => x.Key, x => x.Sum(s => s.Points)));

    /// <summary>How many distinct people voted in each group.</summary>
    public static IReadOnlyDictionary<string, int> VotersByGroup<TKey>(
        IEnumerable<Score<TKey>> scores, IReadOnlyDictionary<Guid, string> groupOf, string fallback) =>
        scores.Select(s => s.Voter).Distinct().GroupBy(v => groupOf.TryGetValue(v, out var g) ? g : fallback)
            .ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>A horizontal bar chart: server-rendered SVG with the same numbers in a table beside it.</summary>
public sealed record BarChart(string Title, string LabelHeading, string ValueHeading, IReadOnlyList<(string Label, long Value)> Bars);
