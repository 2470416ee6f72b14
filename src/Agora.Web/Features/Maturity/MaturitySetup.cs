using System.Globalization;
using System.Text;
using Agora.OpinionMap;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Search;
using Agora.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Maturity;

public static class MaturitySetup
{
    public static IServiceCollection AddMaturity(this IServiceCollection services)
    {
        services.AddScoped<IStoredCounters, MaturityCounters>();
        services.AddSingleton(new ProcessComponent(MaturityService.Key, "Process.Tab.Maturity", MaturityService.Segment, 80));
        services.AddScoped<MaturityService>();
        services.AddOpenDataset<MaturityDataset>();
        services.AddSearchSource<MaturityRoundSearchSource>();
        services.AddApiModule<MaturityApi>();
        services.AddScoped<FrameworkService>();
        services.AddScoped<IDemoContributor, MaturityDemo>();
        services.AddScoped<Infrastructure.Identity.IPersonalDataSource, MaturityPersonalData>();
        return services;
    }

    /// <summary>The figures of a round as JSON and CSV: the same aggregation as the page and the report, same visibility as the report.</summary>
    public static IEndpointRouteBuilder MapMaturity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/processes/{slug}/maturity/{round}/report.json", async (string slug, string round, HttpContext http, MaturityService maturity, CancellationToken ct) =>
        {
            var figures = await FiguresAsync(slug, round, http, maturity, ct);
            return figures == null ? Results.NotFound() : Results.Json(ReportDocument.From(figures.Value.Scope, figures.Value.Figures));
        });
        app.MapGet("/processes/{slug}/maturity/{round}/report.csv", async (string slug, string round, HttpContext http, MaturityService maturity,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var found = await FiguresAsync(slug, round, http, maturity, ct);
            if (found == null)
                return Results.NotFound();
            var (scope, figures) = found.Value;
            // RFC 4180: CRLF line ends, every field quoted; UTF-8 with a byte-order mark so spreadsheets read Cyrillic.
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"maturity-{scope.Process.Slug}-{figures.Round.Slug}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(true), 16 * 1024);
            var header = true;
            foreach (var row in CsvRows(figures, l))
            {
                // The header and the first two columns (dimension, group) are text and defused; the rest are figures
                // the code wrote, kept as they are (a change of -0.5 stays -0.5).
                await writer.WriteAsync(string.Join(',', row.Select((cell, i) => header || i < TextColumns
                    ? CsvField.Text(cell, quoteAlways: true)
                    : CsvField.Value(cell, quoteAlways: true))) + "\r\n");
                header = false;
            }
            await writer.FlushAsync(ct);
            return Results.Empty;
        });
        return app;
    }

    private static async Task<(MaturityScope Scope, RoundFigures Figures)?> FiguresAsync(string slug, string round, HttpContext http, MaturityService maturity, CancellationToken ct)
    {
        var scope = await maturity.ScopeAsync(slug, http.User, ct);
        if (scope == null)
            return null;
        var r = await maturity.RoundAsync(scope, round, ct);
        if (r == null || !MaturityService.MaySeeReport(scope, r))
            return null;
        return (scope, await maturity.FiguresAsync(r, ct));
    }

    /// <summary>How many leading columns of <see cref="CsvRows"/> are text; the others are figures.</summary>
    public const int TextColumns = 2;

    /// <summary>
    /// One row per dimension for all assessors, then one per assessor group that took part; quartiles and the
    /// distribution are given for all assessors only. Figures as <see cref="MaturityAggregation.Show"/> writes them.
    /// </summary>
    public static IEnumerable<string[]> CsvRows(RoundFigures figures, IStringLocalizer l)
    {
        yield return [l["Maturity.Dimension"], l["Maturity.Group"], l["Maturity.N"], l["Maturity.MedianCurrent"], l["Maturity.Q1"], l["Maturity.Q3"],
            l["Maturity.Iqr"], .. Enumerable.Range(1, 5).Select(i => l["Maturity.LevelCount", i].Value), l["Maturity.MedianTarget"], l["Maturity.MeanGap"],
            l["Maturity.GroupSpread"], l["Maturity.PreviousN"], l["Maturity.PreviousMedian"], l["Maturity.Change"]];
        foreach (var d in figures.Result.Dimensions)
        {
            var name = figures.DimensionOf(d.Dimension)?.Name.Current ?? d.Dimension;
            var change = figures.Changes?.FirstOrDefault(c => c.Dimension == d.Dimension);
            yield return [name, l["Maturity.Group.all"], N(d.N), MaturityAggregation.Show(d.Current.Median), MaturityAggregation.Show(d.Current.Q1),
                MaturityAggregation.Show(d.Current.Q3), MaturityAggregation.Show(d.Current.Iqr), .. d.Current.Distribution.Select(N),
                MaturityAggregation.Show(d.Target.Median), MaturityAggregation.Show(d.MeanGap), MaturityAggregation.Show(d.GroupSpread),
                change == null ? "" : N(change.BeforeN), MaturityAggregation.Show(change?.BeforeMedian), MaturityAggregation.Show(change?.Change)];
            foreach (var g in d.Groups)
                yield return [name, l["Maturity.Group." + g.Group], N(g.N), MaturityAggregation.Show(g.MedianCurrent), "", "", "", "", "", "", "", "",
                    MaturityAggregation.Show(g.MedianTarget), MaturityAggregation.Show(g.MeanGap), "", "", "", ""];
        }
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
