using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.News;

/// <summary>A news post as the API shows it (v1).</summary>
[Description("A published news post, site-wide or of a process.")]
public sealed record ApiNewsPost(
    [property: Description("The post's id.")] Guid Id,
    [property: Description("Its address on the site.")] string Slug,
    [property: Description("The slug of its process; absent for site-wide news.")] string? Process,
    [property: Description("Title.")] ApiText Title,
    [property: Description("One paragraph, plain text.")] ApiText Lead,
    [property: Description("The post, Markdown.")] ApiText Body,
    [property: Description("The name it is signed with.")] string AuthorName,
    [property: Description("The post's date, UTC.")] DateTime? PublishedAt,
    [property: Description("When it was created, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The post's page.")] Uri Url);

/// <summary>/api/v1/news: published posts, site-wide or of a published process (what the Atom feed carries).</summary>
public sealed class NewsApi : IApiModule
{
    public static readonly ApiKind Kind = new("news", "newsPost",
        "Published news posts, site-wide or of a published process. Drafts never appear.",
        typeof(ApiNewsPost),
        new ApiNewsPost(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"), "zapochva-priemat-na-predlozheniya", "icc-2026",
            new ApiText("Започва приемът на предложения", "Proposals open"), new ApiText("Кратко въведение.", "A short lead."),
            new ApiText("Текст.", "Text."), "Иновативна София", new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 2, 28, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/news/zapochva-priemat-na-predlozheniya")),
        [ProcessApiFilters.Process, ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/news", ListAsync);
        api.MapRead("/news/{id:guid}", GetAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, NewsAccess access, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var processId = await list.ProcessIdAsync(db, ct);
        var q = access.Public().AsNoTracking();
        if (processId is Guid pid)
            q = q.Where(p => p.ProcessId == pid);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(p => p.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(p => p.CreatedAt > a.At || (p.CreatedAt == a.At && p.Id.CompareTo(a.Id) > 0));
        var rows = await Project(db, q).OrderBy(r => r.P.CreatedAt).ThenBy(r => r.P.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links)).ToList(), p => new ApiCursor(p.CreatedAt, p.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, NewsAccess access, PublicLinks links, CancellationToken ct)
    {
        var row = await Project(db, access.Public().AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row?.ToApi(links), "news post");
    }

    private sealed class Row
    {
        public required NewsPost P { get; init; }
        public string? Process { get; init; }

        public ApiNewsPost ToApi(PublicLinks links) => new(P.Id, P.Slug, Process, ApiText.From(P.Title), ApiText.From(P.Lead),
            ApiText.From(P.Body), P.AuthorName, P.PublishedAt, P.CreatedAt, P.UpdatedAt, new Uri(links.Absolute("/news/" + P.Slug)));
    }

    private static IQueryable<Row> Project(AgoraDb db, IQueryable<NewsPost> posts) =>
        from p in posts
        join pr in db.Set<Process>() on p.ProcessId equals pr.Id into ps
        from pr in ps.DefaultIfEmpty()
        select new Row { P = p, Process = pr == null ? null : pr.Slug };
}
