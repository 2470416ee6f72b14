using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Debates;

/// <summary>A debate as the API shows it (v1).</summary>
[Description("A debate: a question discussed in comments, closed with a conclusion.")]
public sealed record ApiDebate(
    [property: Description("The debate's id.")] Guid Id,
    [property: Description("The slug of its process.")] string Process,
    [property: Description("The question.")] string Title,
    [property: Description("The opening text, Markdown.")] string Body,
    [property: Description("Who opened it, the public name; absent when the account was deleted.")] string? Author,
    [property: Description("How many visible comments it has.")] int CommentCount,
    [property: Description("When it was opened, UTC.")] DateTime CreatedAt,
    [property: Description("When it was closed, UTC; absent while open.")] DateTime? ClosedAt,
    [property: Description("The conclusion, Markdown; absent while open.")] string? Conclusion,
    [property: Description("The debate's page.")] Uri Url);

/// <summary>/api/v1/debates: debates of published processes with debates switched on; hidden ones never appear.</summary>
public sealed class DebatesApi : IApiModule
{
    public static readonly ApiKind Kind = new("debates", "debate",
        "Debates of published processes. Debates hidden by moderation never appear. updated_since counts opening and closing.",
        typeof(ApiDebate),
        new ApiDebate(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"), "icc-2026", "Как да измерваме цифровата зрялост?",
            "Въпрос за обсъждане.", "Иван Петров", 4, new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), null, null,
            new Uri("https://agora.sofia.bg/processes/icc-2026/debates/0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01")),
        [ProcessApiFilters.Process, ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/debates", ListAsync);
        api.MapRead("/debates/{id:guid}", GetAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Public(db);
        if (processId is Guid pid)
            q = q.Where(d => d.ProcessId == pid);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(d => d.CreatedAt >= since || d.ClosedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(d => d.CreatedAt > a.At || (d.CreatedAt == a.At && d.Id.CompareTo(a.Id) > 0));
        var rows = await Project(db, q).OrderBy(r => r.D.CreatedAt).ThenBy(r => r.D.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links)).ToList(), d => new ApiCursor(d.CreatedAt, d.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await Project(db, Public(db).Where(d => d.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row?.ToApi(links), Kind.Singular);
    }

    /// <summary>Visible debates: not hidden, in a published process with debates switched on. Comments use it too.</summary>
    public static IQueryable<Debate> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, DebateCommentTarget.Key);
        return db.Set<Debate>().AsNoTracking().Where(d => d.HiddenAt == null && processes.Any(p => p.Id == d.ProcessId));
    }

    private sealed class Row
    {
        public required Debate D { get; init; }
        public required string Process { get; init; }
        public string? Author { get; init; }

        public ApiDebate ToApi(PublicLinks links) => new(D.Id, Process, D.Title, D.Body, ApiScope.PublicName(Author), D.CommentCount,
            D.CreatedAt, D.ClosedAt, D.Conclusion, new Uri(links.Absolute($"/processes/{Process}/debates/{D.Id}")));
    }

    private static IQueryable<Row> Project(AgoraDb db, IQueryable<Debate> debates) =>
        from d in debates
        join p in db.Set<Process>() on d.ProcessId equals p.Id
        join u in db.Users on d.AuthorId equals u.Id
        select new Row { D = d, Process = p.Slug, Author = u.DeletedAt != null ? null : u.DisplayName };
}
