namespace Agora.Web.Features.Maturity;

/// <summary>The figures of a round as open data: the same aggregation as the page, the report and the CSV.
/// Numbers are rounded to two decimals as everywhere else; null where there is nothing to compute.</summary>
public sealed record ReportDocument(
    string Process, string Round, TextPair Title, DateTime OpensAt, DateTime ClosesAt, DateTime? PublishedAt,
    TextPair Framework, int FrameworkVersion, string? PreviousRound, int Assessors, IReadOnlyDictionary<string, int> AssessorsByGroup,
    IReadOnlyList<ReportDimension> Dimensions)
{
    public static ReportDocument From(MaturityScope scope, RoundFigures f) => new(
        scope.Process.Slug, f.Round.Slug, new(f.Round.Title.Bg, f.Round.Title.En), f.Round.OpensAt, f.Round.ClosesAt, f.Round.PublishedAt,
        new(f.Framework.Name.Bg, f.Framework.Name.En), f.Framework.Version, f.Previous?.Slug, f.Result.Assessors,
        AssessorGroups.All.Where(f.Result.AssessorsByGroup.ContainsKey).ToDictionary(g => g, g => f.Result.AssessorsByGroup[g]),
        f.Result.Dimensions.Select(d =>
        {
            var dim = f.DimensionOf(d.Dimension);
            var change = f.Changes?.FirstOrDefault(c => c.Dimension == d.Dimension);
            return new ReportDimension(d.Dimension, new(dim?.Name.Bg ?? d.Dimension, dim?.Name.En ?? d.Dimension), d.N,
                ReportLevels.From(d.Current), ReportLevels.From(d.Target), R(d.MeanGap), R(d.GroupSpread), d.GroupsDisagree,
                d.Groups.Select(g => new ReportGroup(g.Group, g.N, R(g.MedianCurrent), R(g.MedianTarget), R(g.MeanGap))).ToList(),
                change == null ? null : new ReportChange(change.BeforeN, R(change.BeforeMedian), change.AfterN, R(change.AfterMedian), R(change.Change)));
        }).ToList());

    public static double? R(double? v) => v is double x ? Math.Round(x, 2, MidpointRounding.AwayFromZero) : null;
}

public sealed record TextPair(string Bg, string En);

public sealed record ReportLevels(double? Median, double? Q1, double? Q3, double? Iqr, IReadOnlyList<int> Distribution)
{
    public static ReportLevels From(LevelSummary s) => new(ReportDocument.R(s.Median), ReportDocument.R(s.Q1), ReportDocument.R(s.Q3), ReportDocument.R(s.Iqr), s.Distribution);
}

public sealed record ReportGroup(string Group, int N, double? MedianCurrent, double? MedianTarget, double? MeanGap);

public sealed record ReportChange(int PreviousN, double? PreviousMedian, int N, double? Median, double? Change);

public sealed record ReportDimension(string Key, TextPair Name, int N, ReportLevels Current, ReportLevels Target, double? MeanGap,
    double? GroupSpread, bool GroupsDisagree, IReadOnlyList<ReportGroup> Groups, ReportChange? Change);
