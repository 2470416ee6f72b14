using System.Globalization;
using System.Text;
using Agora.OpinionMap;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Search;
using Agora.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Needs;

public static class NeedsSetup
{
    public static IServiceCollection AddNeeds(this IServiceCollection services)
    {
        services.AddSingleton(new ProcessComponent(NeedsService.Key, "Process.Tab.Needs", "needs", 61));
        services.AddScoped<NeedsService>();
        services.AddOpenDataset<NeedsDataset>();
        // Registered before the commitments module's empty default (TryAdd), so the pledge form offers these needs.
        services.AddScoped<Agora.Web.Features.Commitments.ICommitmentNeedSource, NeedsForCommitments>();
        services.AddSearchSource<NeedSearchSource>();
        services.AddApiModule<NeedsApi>();
        return services;
    }

    /// <summary>The ranking as open data: JSON (<see cref="RankingDocument"/>) and CSV. Same visibility as the page.</summary>
    public static IEndpointRouteBuilder MapNeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/processes/{slug}/needs/ranking.json", async (string slug, HttpContext http, NeedsService needs, CancellationToken ct) =>
        {
            var scope = await needs.ScopeAsync(slug, http.User, ct);
            if (scope == null)
                return Results.NotFound();
            return Results.Json(RankingDocument.From(scope, await needs.RankingAsync(scope, ct)));
        });
        app.MapGet("/processes/{slug}/needs/ranking.csv", async (string slug, HttpContext http, NeedsService needs,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var scope = await needs.ScopeAsync(slug, http.User, ct);
            if (scope == null)
                return Results.NotFound();
            var ranking = await needs.RankingAsync(scope, ct);
            var kinds = StakeholderKinds.All.Where(ranking.ParticipantsByKind.ContainsKey).ToList();
            // RFC 4180: CRLF line ends, every field quoted; UTF-8 with a byte-order mark so spreadsheets read Cyrillic.
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"needs-ranking-{scope.Process.Slug}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(true), 16 * 1024);
            string[] head = [l["Workshops.Position"], l["Needs.Field.Title"], l["Needs.Field.Area"], l["Needs.Field.Status"],
                l[ranking.Method == RankingMethod.TopFive ? "Needs.BordaPoints" : "Needs.Points"], l["Workshops.Voters"],
                .. kinds.Select(k => l["Workshops.Kind." + k].Value)];
            await writer.WriteAsync(string.Join(',', head.Select(h => CsvField.Text(h, quoteAlways: true))) + "\r\n");
            foreach (var (need, st) in ranking.Rows)
            {
                // The title, area and status are text (defused); the position and the figures are the code's own.
                string[] row = [CsvField.Value(st.Position, quoteAlways: true), CsvField.Text(need.Title.Current, quoteAlways: true),
                    CsvField.Text(AdministrationAreas.NameOf(need.Area), quoteAlways: true), CsvField.Text(l["Needs.Status." + need.Status], quoteAlways: true),
                    Number(st.Total), Number(st.Voters), .. kinds.Select(k => Number(ranking.ByKind[k].GetValueOrDefault(need.Id)))];
                await writer.WriteAsync(string.Join(',', row) + "\r\n");
            }
            await writer.FlushAsync(ct);
            return Results.Empty;
        });
        return app;
    }

    private static string Number(long n) => CsvField.Value(n.ToString(CultureInfo.InvariantCulture), quoteAlways: true);
}
