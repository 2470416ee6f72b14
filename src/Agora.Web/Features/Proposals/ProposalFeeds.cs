using System.Globalization;
using Agora.Web.Features.OpenData;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Proposals;

/// <summary>
/// Atom feeds of proposals, in the language of ?culture=: new proposals (/proposals.atom) and official answers
/// (/answers.atom), site-wide and per process (/processes/{slug}/proposals.atom, /processes/{slug}/answers.atom).
/// Public content only, whoever asks: hidden proposals and processes that are unpublished or have proposals
/// switched off never appear.
/// </summary>
public static class ProposalFeeds
{
    private const int Entries = 30;

    public static IEndpointRouteBuilder MapProposalFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/proposals.atom", (AgoraDb db, PublicLinks links, Markdown md, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            NewAsync(db, links, md, l, null, ct));
        app.MapGet("/answers.atom", (AgoraDb db, PublicLinks links, Markdown md, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            AnswersAsync(db, links, md, l, null, ct));
        app.MapGet("/processes/{slug}/proposals.atom", async (string slug, AgoraDb db, PublicLinks links, Markdown md, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await FindAsync(db, slug, ct) is { } process ? await NewAsync(db, links, md, l, process, ct) : Results.NotFound());
        app.MapGet("/processes/{slug}/answers.atom", async (string slug, AgoraDb db, PublicLinks links, Markdown md, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            await FindAsync(db, slug, ct) is { } process ? await AnswersAsync(db, links, md, l, process, ct) : Results.NotFound());
        return app;
    }

    private sealed record FeedProcess(Guid Id, string Slug, LocalizedText Title, DateTime? PublishedAt);

    private sealed record Row(Guid Id, string Slug, string Title, string Body, ProposalState State, DateTime CreatedAt, DateTime UpdatedAt,
        string? Answer, DateTime? AnsweredAt);

    private static Task<FeedProcess?> FindAsync(AgoraDb db, string slug, CancellationToken ct) =>
        PublicProcesses.With(db, ProposalService.Key).AsNoTracking().Where(p => p.Slug == slug)
            .Select(p => new FeedProcess(p.Id, p.Slug, new LocalizedText(p.Title.Bg, p.Title.En), p.PublishedAt))
            .FirstOrDefaultAsync(ct);

    /// <summary>The latest public proposals, newest first by creation or, for answers, by answer. One query.</summary>
    private static Task<List<Row>> RowsAsync(AgoraDb db, FeedProcess? process, bool answers, CancellationToken ct)
    {
        var proposals = PublicProposals.All(db).AsNoTracking();
        if (process != null)
            proposals = proposals.Where(p => p.ProcessId == process.Id);
        proposals = answers
            ? proposals.Where(p => p.AnsweredAt != null && p.AnswerText != null).OrderByDescending(p => p.AnsweredAt).ThenBy(p => p.Id)
            : proposals.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id);
        return (from p in proposals.Take(Entries)
                join pr in db.Set<Process>() on p.ProcessId equals pr.Id
                select new Row(p.Id, pr.Slug, p.Title, p.Body, p.State, p.CreatedAt, p.UpdatedAt, p.AnswerText, p.AnsweredAt))
            .ToListAsync(ct);
    }

    private static string Lang => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Cultures.English : Cultures.Bulgarian;

    private static async Task<IResult> NewAsync(AgoraDb db, PublicLinks links, Markdown md, IStringLocalizer<SharedResource> l, FeedProcess? process, CancellationToken ct)
    {
        var rows = (await RowsAsync(db, process, answers: false, ct)).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id);
        var entries = rows.Select(r =>
        {
            var link = links.Absolute($"/processes/{r.Slug}/proposals/{r.Id}?culture={Lang}");
            return new AtomEntry("urn:uuid:" + r.Id.ToString("D"), r.Title, link, r.CreatedAt, r.UpdatedAt,
                l["Proposals.State." + r.State], md.ToSafeHtml(r.Body));
        }).ToList();
        var title = process == null ? l["Proposals.Feed.New"].Value : $"{l["Proposals.Feed.New"]} · {process.Title.Current}";
        var page = process == null ? "/processes" : $"/processes/{process.Slug}/proposals";
        var self = process == null ? "/proposals.atom" : $"/processes/{process.Slug}/proposals.atom";
        return AtomFeed.Write(title, links.Absolute($"{page}?culture={Lang}"), links.Absolute($"{self}?culture={Lang}"), entries,
            process?.PublishedAt ?? new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    private static async Task<IResult> AnswersAsync(AgoraDb db, PublicLinks links, Markdown md, IStringLocalizer<SharedResource> l, FeedProcess? process, CancellationToken ct)
    {
        var rows = (await RowsAsync(db, process, answers: true, ct)).OrderByDescending(r => r.AnsweredAt).ThenBy(r => r.Id);
        var entries = rows.Select(r =>
        {
            var page = links.Absolute($"/processes/{r.Slug}/proposals/{r.Id}");
            // A proposal answered again keeps its entry: the id is the answer's, the updated time the latest answer.
            return new AtomEntry(page + "#answer", string.Format(CultureInfo.CurrentCulture, l["Proposals.Feed.AnswerTitle"], r.Title),
                page + "?culture=" + Lang, r.AnsweredAt!.Value, r.AnsweredAt!.Value, l["Proposals.State." + r.State], md.ToSafeHtml(r.Answer));
        }).ToList();
        var title = process == null ? l["Proposals.Feed.Answers"].Value : $"{l["Proposals.Feed.Answers"]} · {process.Title.Current}";
        var pagePath = process == null ? "/processes" : $"/processes/{process.Slug}/proposals";
        var self = process == null ? "/answers.atom" : $"/processes/{process.Slug}/answers.atom";
        return AtomFeed.Write(title, links.Absolute($"{pagePath}?culture={Lang}"), links.Absolute($"{self}?culture={Lang}"), entries,
            process?.PublishedAt ?? new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
