namespace Agora.Web.Features.Maturity;

/// <summary>One submitted rating of one dimension by one assessor.</summary>
public readonly record struct Rating(Guid Assessor, string Group, string Dimension, int Current, int Target);

/// <summary>The spread of a set of levels: count, median, quartiles and the number at each level 1–5.</summary>
public sealed record LevelSummary(int N, double? Median, double? Q1, double? Q3, IReadOnlyList<int> Distribution)
{
    public double? Iqr => Q3 - Q1;
}

/// <summary>A group's view of a dimension.</summary>
public sealed record GroupResult(string Group, int N, double? MedianCurrent, double? MedianTarget, double? MeanGap);

/// <summary>
/// The figures of a dimension. The gap is the mean of each assessor's own target minus current (not the difference
/// of the medians), so it says how far assessors on average want to move.
/// </summary>
public sealed record DimensionResult(string Dimension, LevelSummary Current, LevelSummary Target, double? MeanGap,
    IReadOnlyList<GroupResult> Groups, double? GroupSpread)
{
    public int N => Current.N;

    /// <summary>Groups disagree when their median current levels lie <see cref="MaturityAggregation.DisagreementThreshold"/> or more apart.</summary>
    public bool GroupsDisagree => GroupSpread >= MaturityAggregation.DisagreementThreshold;
}

/// <summary>The whole round: dimensions in framework order, and how many assessors took part in each group.</summary>
public sealed record RoundResult(int Assessors, IReadOnlyDictionary<string, int> AssessorsByGroup, IReadOnlyList<DimensionResult> Dimensions);

/// <summary>How a dimension's median current level changed from one round to the next, with the counts behind it.</summary>
public sealed record DimensionChange(string Dimension, int BeforeN, double? BeforeMedian, int AfterN, double? AfterMedian)
{
    public double? Change => AfterMedian - BeforeMedian;
}

/// <summary>
/// The arithmetic of a maturity round, pure so that it can be checked on hand-computed examples. The pages, the
/// report, the CSV, the JSON and the open data all show what this computes, so they cannot disagree.
/// </summary>
public static class MaturityAggregation
{
    public const double DisagreementThreshold = 1.5;

    /// <summary>Aggregates ratings per dimension (in the order given) and per group (in <see cref="AssessorGroups.All"/> order).</summary>
    public static RoundResult Aggregate(IReadOnlyList<string> dimensions, IEnumerable<Rating> ratings)
    {
        var list = ratings.ToList();
        var byGroup = list.Select(r => (r.Assessor, r.Group)).Distinct().GroupBy(x => x.Group).ToDictionary(g => g.Key, g => g.Count());
        var byDimension = list.ToLookup(r => r.Dimension);
        var results = dimensions.Select(d =>
        {
            var rs = byDimension[d].ToList();
            var groups = AssessorGroups.All.Select(g => rs.Where(r => r.Group == g).ToList()).Where(g => g.Count > 0)
                .Select(g => new GroupResult(g[0].Group, g.Count, Median(g.Select(r => r.Current)), Median(g.Select(r => r.Target)),
                    Mean(g.Select(r => r.Target - r.Current))))
                .ToList();
            var medians = groups.Select(g => g.MedianCurrent!.Value).ToList();
            double? spread = medians.Count >= 2 ? medians.Max() - medians.Min() : null;
            return new DimensionResult(d, Summarise(rs.Select(r => r.Current)), Summarise(rs.Select(r => r.Target)),
                Mean(rs.Select(r => r.Target - r.Current)), groups, spread);
        }).ToList();
        return new RoundResult(list.Select(r => r.Assessor).Distinct().Count(), byGroup, results);
    }

    /// <summary>Change of the median current level per dimension; dimensions of the later round, matched by key.</summary>
    public static IReadOnlyList<DimensionChange> Compare(RoundResult before, RoundResult after) =>
        after.Dimensions.Select(a =>
        {
            var b = before.Dimensions.FirstOrDefault(x => x.Dimension == a.Dimension);
            return new DimensionChange(a.Dimension, b?.N ?? 0, b?.Current.Median, a.N, a.Current.Median);
        }).ToList();

    public static LevelSummary Summarise(IEnumerable<int> levels)
    {
        var sorted = levels.OrderBy(x => x).ToList();
        var distribution = Enumerable.Range(MaturityRules.MinLevel, MaturityRules.MaxLevel).Select(l => sorted.Count(x => x == l)).ToList();
        return new LevelSummary(sorted.Count, Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75), distribution);
    }

    public static double? Median(IEnumerable<int> values) => Quantile(values.OrderBy(x => x).ToList(), 0.5);

    /// <summary>
    /// The p-quantile of sorted values by linear interpolation between closest ranks — Hyndman and Fan's type 7, the
    /// default of R's quantile() and Excel's QUARTILE.INC: position h = (n − 1)·p from 0, interpolate between the
    /// values at floor(h) and floor(h)+1. One value is every quantile of itself; no values have none (null).
    /// </summary>
    public static double? Quantile(IReadOnlyList<int> sorted, double p)
    {
        if (sorted.Count == 0)
            return null;
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double? Mean(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : (double)list.Sum() / list.Count;
    }

    /// <summary>A figure as shown everywhere (pages, CSV, JSON text): two decimals at most, invariant digits, empty for none.</summary>
    public static string Show(double? value) =>
        value is double v ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "";
}
