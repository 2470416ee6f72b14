using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Needs;

/// <summary>A need as the API shows it (v1).</summary>
[Description("A need, challenge or priority of a process, with where it stands in the participants' ranking.")]
public sealed record ApiNeed(
    [property: Description("The need's id.")] Guid Id,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The title, in both languages.")] ApiText Title,
    [property: Description("The description, Markdown, in both languages.")] ApiText Description,
    [property: Description("The administration area key, e.g. digital, mobility, other.")] string Area,
    [property: Description("Where it stands: identified, prioritised, inActionPlan, addressed.")] NeedStatus Status,
    [property: Description("The facilitators' order of the list (0 first).")] int Order,
    [property: Description("The ids of the public SWOT items it comes from.")] IReadOnlyList<Guid> SwotItems,
    [property: Description("The ids of the public proposals that answer it.")] IReadOnlyList<Guid> Proposals,
    [property: Description("Its place in the process's ranking.")] ApiNeedRanking Ranking,
    [property: Description("When it was written, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The needs list of its process.")] Uri Url);

[Description("A need's standing in the ranking of its process (the same numbers as the ranking page).")]
public sealed record ApiNeedRanking(
    [property: Description("How the process ranks: topFive (Borda count: rank 1 = 5 points … rank 5 = 1) or points (sums of 100-point ballots).")] RankingMethod Method,
    [property: Description("Its total score.")] long Score,
    [property: Description("Its position; with ties, the first of the shared positions.")] int PositionFrom,
    [property: Description("The last of the shared positions; equal to positionFrom without a tie.")] int PositionTo,
    [property: Description("How many people gave it points.")] int Participants,
    [property: Description("How many people took part in the process's ranking.")] int ProcessParticipants);

/// <summary>/api/v1/needs: needs of published processes with needs switched on, with their ranking.</summary>
public sealed class NeedsApi : IApiModule
{
    public static readonly ApiKind Kind = new("needs", "need",
        "Needs, challenges and priorities of processes, with the SWOT items they come from, the proposals that answer " +
        "them and their standing in the participants' ranking.",
        typeof(ApiNeed),
        new ApiNeed(Guid.Parse("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"), "icc-2026",
            new ApiText("Цифрови умения за възрастни", "Digital skills for adults"),
            new ApiText("Обучения в читалищата.", "Training in community centres."), "education", NeedStatus.Prioritised, 0,
            [Guid.Parse("5d0f6c1e-2a3b-4c4d-8e5f-6a7b8c9d0e1f")], [Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01")],
            new ApiNeedRanking(RankingMethod.TopFive, 23, 1, 1, 6, 9),
            new DateTime(2026, 5, 12, 11, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 12, 12, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/processes/icc-2026/needs")),
        [ProcessApiFilters.Process,
         ApiFilter.Enum<NeedStatus>("status", "Only needs in this status."),
         new ApiFilter("area", "Only needs of this administration area (its key). Another value gives 400.",
             new System.Text.Json.Nodes.JsonObject { ["type"] = "string", ["enum"] = new System.Text.Json.Nodes.JsonArray([.. AdministrationAreas.All.Select(a => System.Text.Json.Nodes.JsonValue.Create(a.Key))]) },
             "digital"),
         ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/needs", ListAsync);
        api.MapRead("/needs/{id:guid}", GetAsync);
    }

    /// <summary>Seven queries at most: the process filter's slug, the page, its links (two) and the rankings (three).</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, NeedsService needs, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var status = list.Enum<NeedStatus>("status");
        string? area = null;
        if (http.Request.Query.TryGetValue("area", out var ar))
            area = AdministrationAreas.All.Any(x => x.Key == ar) ? ar.ToString()
                : throw ApiProblemException.BadRequest($"area must be one of: {string.Join(", ", AdministrationAreas.All.Select(x => x.Key))}.");
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Public(db);
        if (processId is Guid pid)
            q = q.Where(n => n.ProcessId == pid);
        if (status is NeedStatus s)
            q = q.Where(n => n.Status == s);
        if (area != null)
            q = q.Where(n => n.Area == area);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(n => n.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(n => n.CreatedAt > a.At || (n.CreatedAt == a.At && n.Id.CompareTo(a.Id) > 0));
        var rows = await Project(db, q).OrderBy(r => r.N.CreatedAt).ThenBy(r => r.N.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(await ToApiAsync(rows, db, links, needs, ct), n => new ApiCursor(n.CreatedAt, n.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, NeedsService needs, CancellationToken ct)
    {
        var row = await Project(db, Public(db).Where(n => n.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row == null ? null : (await ToApiAsync([row], db, links, needs, ct))[0], Kind.Singular);
    }

    /// <summary>Needs of published processes with needs switched on, as on the needs page.</summary>
    public static IQueryable<Need> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, NeedsService.Key);
        return db.Set<Need>().AsNoTracking().Where(n => processes.Any(p => p.Id == n.ProcessId));
    }

    /// <summary>The rows with their links and ranking: five queries whatever their number. Links only to what is public.</summary>
    private static async Task<List<ApiNeed>> ToApiAsync(IReadOnlyList<Row> rows, AgoraDb db, PublicLinks links, NeedsService needs, CancellationToken ct)
    {
        var ids = rows.Select(r => r.N.Id).ToList();
        var swot = SwotApi.Public(db);
        var swotLinks = (await db.Set<NeedSwotItem>().AsNoTracking()
            .Where(l => ids.Contains(l.NeedId) && swot.Any(i => i.Id == l.SwotItemId))
            .Select(l => new { l.NeedId, l.SwotItemId }).ToListAsync(ct)).ToLookup(l => l.NeedId, l => l.SwotItemId);
        var proposals = ProposalsApi.Public(db);
        var proposalLinks = (await db.Set<NeedProposal>().AsNoTracking()
            .Where(l => ids.Contains(l.NeedId) && proposals.Any(p => p.Id == l.ProposalId))
            .Select(l => new { l.NeedId, l.ProposalId }).ToListAsync(ct)).ToLookup(l => l.NeedId, l => l.ProposalId);
        var rankings = await needs.RankingsAsync([.. rows.Select(r => r.N.ProcessId)], ct);
        return [.. rows.Select(r =>
        {
            var ranking = rankings[r.N.ProcessId];
            var standing = ranking.Standings[r.N.Id];
            return new ApiNeed(r.N.Id, r.Process, ApiText.From(r.N.Title), ApiText.From(r.N.Description), r.N.Area, r.N.Status,
                r.N.Position, [.. swotLinks[r.N.Id].Order()], [.. proposalLinks[r.N.Id].Order()],
                new ApiNeedRanking(ranking.Method, standing.Total, standing.From, standing.To, standing.Voters, ranking.Participants),
                r.N.CreatedAt, r.N.UpdatedAt, new Uri(links.Absolute($"/processes/{r.Process}/needs")));
        })];
    }

    /// <summary>Member-initialised, so the query can still order by its members after the projection.</summary>
    private sealed class Row
    {
        public required Need N { get; init; }
        public required string Process { get; init; }
    }

    private static IQueryable<Row> Project(AgoraDb db, IQueryable<Need> needs) =>
        from n in needs
        join p in db.Set<Process>() on n.ProcessId equals p.Id
        select new Row { N = n, Process = p.Slug };
}
