using Agora.Web.Features.Workshops;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Maturity;

/// <summary>The charts of a round, built from its figures so that the charts, their tables and the CSV agree.</summary>
public static class MaturityCharts
{
    public static RadarChart CurrentVsTarget(RoundFigures f, IStringLocalizer l)
    {
        var dims = f.Result.Dimensions;
        var widest = dims.Where(d => d.MeanGap != null).OrderByDescending(d => d.MeanGap).FirstOrDefault();
        var summary = widest == null
            ? l["Maturity.Chart.NoData"].Value
            : l["Maturity.Chart.GapSummary", f.Result.Assessors, Name(f, widest.Dimension), MaturityAggregation.Show(widest.MeanGap)].Value;
        return new RadarChart("radar-target", l["Maturity.Chart.CurrentVsTarget"], summary, l["Maturity.Dimension"],
            dims.Select(d => Name(f, d.Dimension)).ToList(),
            [
                new ChartSeries(l["Maturity.MedianCurrent"], "current", dims.Select(d => d.Current.Median).ToList()),
                new ChartSeries(l["Maturity.MedianTarget"], "target", dims.Select(d => d.Target.Median).ToList()),
            ]);
    }

    /// <summary>The previous round against this one (median current levels), or null when there is no previous round.</summary>
    public static RadarChart? RoundVsRound(RoundFigures f, IStringLocalizer l)
    {
        if (f.Changes == null || f.Previous == null)
            return null;
        var up = f.Changes.Count(c => c.Change > 0);
        var down = f.Changes.Count(c => c.Change < 0);
        return new RadarChart("radar-rounds", l["Maturity.Chart.RoundVsRound"],
            l["Maturity.Chart.ChangeSummary", f.Previous.Title.Current, up, down, f.Changes.Count - up - down].Value, l["Maturity.Dimension"],
            f.Changes.Select(c => Name(f, c.Dimension)).ToList(),
            [
                new ChartSeries(f.Previous.Title.Current, "previous", f.Changes.Select(c => c.BeforeMedian).ToList()),
                new ChartSeries(f.Round.Title.Current, "current", f.Changes.Select(c => c.AfterMedian).ToList()),
            ]);
    }

    public static BarChart Distribution(RoundFigures f, DimensionResult d, IStringLocalizer l) =>
        new(l["Maturity.Chart.Distribution", Name(f, d.Dimension)], l["Maturity.Level"], l["Maturity.Assessors"],
            d.Current.Distribution.Select((count, i) => ($"{i + 1} — {l["Maturity.LevelName." + (i + 1)].Value}", (long)count)).ToList());

    public static string Name(RoundFigures f, string key) => f.DimensionOf(key)?.Name.Current ?? key;
}
