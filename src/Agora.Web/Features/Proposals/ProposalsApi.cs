using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Proposals;

/// <summary>A citizen's proposal as the API shows it (v1).</summary>
[Description("A citizen's proposal in a process, with its support and comment counts and the official answer.")]
public sealed record ApiProposal(
    [property: Description("The proposal's id.")] Guid Id,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The title as the author wrote it (one language).")] string Title,
    [property: Description("The text, Markdown.")] string Body,
    [property: Description("The district key it concerns; absent for the whole city.")] string? District,
    [property: Description("The category, in both languages; absent when none.")] ApiText? Category,
    [property: Description("Where it stands: published, forEvaluation (reached the support threshold), evaluating, accepted, rejected, withdrawn.")] ProposalState State,
    [property: Description("How many people support it.")] int SupportCount,
    [property: Description("How many visible comments it has.")] int CommentCount,
    [property: Description("The author's public name; absent when the account was deleted.")] string? Author,
    [property: Description("The official answer of the process administrators; absent until answered.")] ApiAnswer? Answer,
    [property: Description("When it was published, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The proposal's page.")] Uri Url);

[Description("An official answer.")]
public sealed record ApiAnswer(
    [property: Description("The answer, Markdown.")] string Text,
    [property: Description("When it was given, UTC.")] DateTime? AnsweredAt);

/// <summary>/api/v1/proposals: public proposals of published processes with proposals switched on. Hidden ones never
/// appear; withdrawn ones are left out of the list unless asked for with <c>state=withdrawn</c> (as on the page) and
/// stay readable by id.</summary>
public sealed class ProposalsApi : IApiModule
{
    public static readonly ApiKind Kind = new("proposals", "proposal",
        "Citizens' proposals with support and comment counts and official answers. Proposals hidden by moderation never " +
        "appear; withdrawn ones only with state=withdrawn or by id, as on the pages.",
        typeof(ApiProposal),
        new ApiProposal(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"), "icc-2026", "Отворени данни за градския транспорт в реално време",
            "Центърът за градска мобилност да публикува разписанията … като отворени данни (GTFS).", null,
            new ApiText("Отворени данни", "Open data"), ProposalState.Accepted, 3, 2, "Мария Иванова",
            new ApiAnswer("Приема се.", new DateTime(2026, 5, 20, 9, 0, 0, DateTimeKind.Utc)),
            new DateTime(2026, 5, 2, 8, 30, 0, DateTimeKind.Utc), new DateTime(2026, 5, 20, 9, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/processes/icc-2026/proposals/0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01")),
        [ProcessApiFilters.Process, ProcessApiFilters.District,
         ApiFilter.Enum<ProposalState>("state", "Only proposals in this state. Without it, withdrawn proposals are left out."),
         ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/proposals", ListAsync);
        api.MapRead("/proposals/{id:guid}", GetAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var state = list.Enum<ProposalState>("state");
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Public(db);
        if (processId is Guid pid)
            q = q.Where(p => p.ProcessId == pid);
        q = state is ProposalState s ? q.Where(p => p.State == s) : q.Where(p => p.State != ProposalState.Withdrawn);
        if (list.District == "city")
            q = q.Where(p => p.District == null);
        else if (list.District != null)
            q = q.Where(p => p.District == list.District);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(p => p.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(p => p.CreatedAt > a.At || (p.CreatedAt == a.At && p.Id.CompareTo(a.Id) > 0));
        var rows = await Project(db, q).OrderBy(r => r.P.CreatedAt).ThenBy(r => r.P.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links)).ToList(), p => new ApiCursor(p.CreatedAt, p.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await Project(db, Public(db).Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row?.ToApi(links), Kind.Singular);
    }

    /// <summary>Visible proposals: not hidden, in a published process with proposals switched on. Comments use it too.</summary>
    public static IQueryable<Proposal> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, ProposalService.Key);
        return db.Set<Proposal>().AsNoTracking().Where(p => p.HiddenAt == null && processes.Any(pr => pr.Id == p.ProcessId));
    }

    /// <summary>Member-initialised, so the query can still order by its members after the projection.</summary>
    private sealed class Row
    {
        public required Proposal P { get; init; }
        public required string Process { get; init; }
        public string? CategoryBg { get; init; }
        public string? CategoryEn { get; init; }
        public string? Author { get; init; }

        public ApiProposal ToApi(PublicLinks links) => new(P.Id, Process, P.Title, P.Body, P.District,
            CategoryBg == null ? null : new ApiText(CategoryBg, CategoryEn ?? ""), P.State, P.SupportCount, P.CommentCount,
            ApiScope.PublicName(Author), P.AnswerText == null ? null : new ApiAnswer(P.AnswerText, P.AnsweredAt),
            P.CreatedAt, P.UpdatedAt, new Uri(links.Absolute($"/processes/{Process}/proposals/{P.Id}")));
    }

    /// <summary>The proposal with its process slug, category and author's public name: one query.</summary>
    private static IQueryable<Row> Project(AgoraDb db, IQueryable<Proposal> proposals) =>
        from p in proposals
        join pr in db.Set<Process>() on p.ProcessId equals pr.Id
        join c in db.Set<ProposalCategory>() on p.CategoryId equals c.Id into cs
        from c in cs.DefaultIfEmpty()
        join u in db.Users on p.AuthorId equals u.Id
        select new Row
        {
            P = p,
            Process = pr.Slug,
            CategoryBg = c == null ? null : c.Name.Bg,
            CategoryEn = c == null ? null : c.Name.En,
            Author = u.DeletedAt != null ? null : u.DisplayName,
        };
}
