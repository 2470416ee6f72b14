using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Agora.Web.Features.Surveys;

/// <summary>Server-rendered horizontal bar charts (no scripts, no inline styles); the page shows a table beside.</summary>
public static class SurveyCharts
{
    private const int LabelWidth = 200;
    private const int BarWidth = 300;
    private const int RowHeight = 28;

    public static IHtmlContent Bars(IReadOnlyList<(string Label, int Count)> bars, int total, string title, string id)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var enc = HtmlEncoder.Default;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Count));
        var sb = new StringBuilder();
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        sb.Append("<svg class=\"survey-bars\" viewBox=\"0 0 ").Append(I(LabelWidth + BarWidth + 120)).Append(' ').Append(I((bars.Count * RowHeight) + 4))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(enc.Encode(id)).Append("\"><title id=\"").Append(enc.Encode(id)).Append("\">")
            .Append(enc.Encode(title)).Append("</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var w = (int)Math.Round((double)BarWidth * bars[i].Count / max);
            var y = (i * RowHeight) + 2;
            var label = bars[i].Label.Length > 28 ? bars[i].Label[..27] + "…" : bars[i].Label;
            var percent = SurveyTally.Percent(bars[i].Count, total).ToString("0.#", CultureInfo.CurrentCulture);
            sb.Append("<text x=\"0\" y=\"").Append(I(y + 18)).Append("\" class=\"bar-label\">").Append(enc.Encode(label)).Append("</text>")
                .Append("<rect x=\"").Append(I(LabelWidth)).Append("\" y=\"").Append(I(y)).Append("\" width=\"").Append(I(w))
                .Append("\" height=\"").Append(I(RowHeight - 6)).Append("\" class=\"bar\"></rect>")
                .Append("<text x=\"").Append(I(LabelWidth + w + 5)).Append("\" y=\"").Append(I(y + 18)).Append("\" class=\"bar-value\">")
                .Append(I(bars[i].Count)).Append(" (").Append(enc.Encode(percent)).Append(" %)</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
