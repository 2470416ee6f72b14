using System.Globalization;

namespace Agora.Web.Features.Maturity;

/// <summary>A line of a radar chart: its name, its style and one value (a level 1–5, or none) per axis.</summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<double?> Values);

/// <summary>
/// A radar chart of levels 1–5 on one axis per dimension, drawn as server-rendered SVG with the same numbers in a
/// table beside it and a written summary (the partial _RadarChart). The geometry lives here so it can be tested.
/// </summary>
public sealed record RadarChart(string Id, string Title, string Summary, string AxisHeading, IReadOnlyList<string> Axes, IReadOnlyList<ChartSeries> Series)
{
    public const int Size = 440;
    public const double Center = Size / 2.0;
    public const double Radius = 150;

    /// <summary>Where a value lies on an axis: axis 0 points up, the others follow clockwise; level 5 is the rim.</summary>
    public (double X, double Y) Point(int axis, double value)
    {
        var angle = (2 * Math.PI * axis / Math.Max(1, Axes.Count)) - (Math.PI / 2);
        var r = Radius * value / MaturityRules.MaxLevel;
        return (Center + (r * Math.Cos(angle)), Center + (r * Math.Sin(angle)));
    }

    /// <summary>SVG points of a polygon through the given values (a missing value draws at the centre).</summary>
    public string Polygon(IReadOnlyList<double?> values) =>
        string.Join(' ', values.Select((v, i) => Point(i, v ?? 0)).Select(p => $"{F(p.X)},{F(p.Y)}"));

    public string Ring(int level) => Polygon(Axes.Select(_ => (double?)level).ToList());

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
