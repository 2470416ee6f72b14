using System.Globalization;
using Agora.Web.Features.OpenData;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.ResultTracking;

/// <summary>
/// Atom feeds of results' timelines, in the language of ?culture=: every update city-wide (/results.atom) and one
/// result's (/results/{id}.atom). Public content only: results of unpublished processes or with the component off never appear.
/// </summary>
public static class ResultFeeds
{
    private const int Entries = 30;

    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder app)
    {
        app.MapGet("/results.atom", (AgoraDb db, PublicLinks links, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            FeedAsync(db, links, l, null, ct));
        app.MapGet("/results/{id:guid}.atom", async (Guid id, AgoraDb db, PublicLinks links, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await Public(db).Where(r => r.Id == id).Select(r => new FeedResult(r.Id, new LocalizedText(r.Title.Bg, r.Title.En), r.CreatedAt))
                .FirstOrDefaultAsync(ct) is { } result
                ? await FeedAsync(db, links, l, result, ct)
                : Microsoft.AspNetCore.Http.Results.NotFound());
        return app;
    }

    private sealed record FeedResult(Guid Id, LocalizedText Title, DateTime CreatedAt);

    private static IQueryable<TrackedResult> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, ResultService.Key);
        return db.Set<TrackedResult>().AsNoTracking().Where(r => processes.Any(p => p.Id == r.ProcessId));
    }

    private static string Lang => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Cultures.English : Cultures.Bulgarian;

    /// <summary>The latest updates, newest first; one query.</summary>
    private static async Task<IResult> FeedAsync(AgoraDb db, PublicLinks links, IStringLocalizer<SharedResource> l, FeedResult? only, CancellationToken ct)
    {
        var results = Public(db);
        if (only != null)
            results = results.Where(r => r.Id == only.Id);
        var rows = await (from u in db.Set<ResultUpdate>().AsNoTracking()
                          join r in results on u.ResultId equals r.Id
                          orderby u.CreatedAt descending, u.Id
                          select new { u.Id, u.ResultId, TextBg = u.Text.Bg, TextEn = u.Text.En, u.NewStatus, u.NewProgress, u.CreatedAt, TitleBg = r.Title.Bg, TitleEn = r.Title.En })
            .Take(Entries).ToListAsync(ct);
        var entries = rows.Select(u =>
        {
            var changes = new List<string>();
            if (u.NewStatus is ResultStatus s)
                changes.Add(l["Results.StatusChanged", l["Results.Status." + s].Value]);
            if (u.NewProgress is int p)
                changes.Add(l["Results.ProgressChanged", p]);
            var text = new LocalizedText(u.TextBg, u.TextEn).Current;
            var summary = string.Join(" · ", changes.Append(text).Where(x => x.Length > 0));
            return new AtomEntry("urn:uuid:" + u.Id.ToString("D"), new LocalizedText(u.TitleBg, u.TitleEn).Current,
                links.Absolute($"/results/{u.ResultId}?culture={Lang}"), u.CreatedAt, u.CreatedAt, summary, null);
        }).ToList();
        var title = only == null ? l["Results.Tracker"].Value : $"{l["Results.Timeline"]} · {only.Title.Current}";
        var page = only == null ? "/results" : $"/results/{only.Id}";
        return AtomFeed.Write(title, links.Absolute($"{page}?culture={Lang}"), links.Absolute($"{page}.atom?culture={Lang}"), entries,
            only?.CreatedAt ?? new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
