using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Swot;

/// <summary>A SWOT item as the API shows it (v1).</summary>
[Description("An item on a SWOT board of a process, with its dot-vote total.")]
public sealed record ApiSwotItem(
    [property: Description("The item's id.")] Guid Id,
    [property: Description("The id of the board it is on.")] Guid Board,
    [property: Description("The board's title, in both languages.")] ApiText BoardTitle,
    [property: Description("The slug of the process the board belongs to.")] string Process,
    [property: Description("The quadrant: strengths, weaknesses, opportunities, threats.")] SwotQuadrant Quadrant,
    [property: Description("The item as its contributor wrote it (one language).")] string Text,
    [property: Description("The contributor's explanation; absent when none.")] string? Explanation,
    [property: Description("Its place within the quadrant, set by the facilitator.")] int Position,
    [property: Description("How many dots participants put on it.")] int Dots,
    [property: Description("How many people contributed it (merged items count everyone).")] int Contributors,
    [property: Description("Whether the facilitator has closed the board (nothing changes any more).")] bool BoardClosed,
    [property: Description("When it was written, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The board's page.")] Uri Url);

/// <summary>A SWOT board as the API shows it (v1).</summary>
[Description("A SWOT board of a process, optionally tied to one of its events (the workshop).")]
public sealed record ApiSwotBoard(
    [property: Description("The board's id.")] Guid Id,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The title, in both languages.")] ApiText Title,
    [property: Description("How many dots each participant may spread over the items.")] int DotsPerPerson,
    [property: Description("Whether the facilitator has closed it (nothing changes any more).")] bool Closed,
    [property: Description("How many people have put dots on it.")] int Participants,
    [property: Description("The id of the event it belongs to; absent when none.")] Guid? Event,
    [property: Description("When it was created, UTC.")] DateTime CreatedAt,
    [property: Description("The board's page.")] Uri Url);

/// <summary>/api/v1/swot-items: live items (not merged away) of boards in published processes with SWOT switched on.</summary>
public sealed class SwotApi : IApiModule
{
    public static readonly ApiKind Kind = new("swot-items", "swotItem",
        "Items of SWOT boards with their dot-vote totals. Items merged into another are left out (their contributors " +
        "count on the item they were merged into).",
        typeof(ApiSwotItem),
        new ApiSwotItem(Guid.Parse("5d0f6c1e-2a3b-4c4d-8e5f-6a7b8c9d0e1f"), Guid.Parse("1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"),
            new ApiText("SWOT анализ на дигиталната екосистема", "SWOT of the digital ecosystem"), "icc-2026",
            SwotQuadrant.Strengths, "Силна ИТ общност", "Над 60 000 души работят в сектора.", 1, 7, 2, false,
            new DateTime(2026, 5, 12, 9, 15, 0, DateTimeKind.Utc), new DateTime(2026, 5, 12, 9, 40, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/processes/icc-2026/swot/1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d")),
        [ProcessApiFilters.Process, ApiFilter.Id("board", "Only items of this board (its id)."),
         ApiFilter.Enum<SwotQuadrant>("quadrant", "Only items in this quadrant."), ApiFilter.UpdatedSince]);

    public static readonly ApiKind BoardKind = new("swot-boards", "swotBoard",
        "SWOT boards with their dot allowance and how many people voted.",
        typeof(ApiSwotBoard),
        new ApiSwotBoard(Guid.Parse("1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"), "icc-2026",
            new ApiText("SWOT анализ на дигиталната екосистема", "SWOT of the digital ecosystem"), 5, true, 9,
            Guid.Parse("6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e"), new DateTime(2026, 5, 12, 8, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/processes/icc-2026/swot/1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d")),
        [ProcessApiFilters.Process]);

    public IReadOnlyList<ApiKind> Kinds => [Kind, BoardKind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/swot-items", ListAsync);
        api.MapRead("/swot-items/{id:guid}", GetAsync);
        api.MapRead("/swot-boards", ListBoardsAsync);
        api.MapRead("/swot-boards/{id:guid}", GetBoardAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListBoardsAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var processId = await list.ProcessIdAsync(db, ct);
        var q = PublicBoards(db);
        if (processId is Guid pid)
            q = q.Where(b => b.ProcessId == pid);
        if (list.After is ApiCursor a)
            q = q.Where(b => b.CreatedAt > a.At || (b.CreatedAt == a.At && b.Id.CompareTo(a.Id) > 0));
        var rows = await ProjectBoards(db, q.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).Take(list.Limit + 1)).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links)).ToList(), b => new ApiCursor(b.CreatedAt, b.Id));
    }

    private static async Task<IResult> GetBoardAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await ProjectBoards(db, PublicBoards(db).Where(b => b.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row?.ToApi(links), BoardKind.Singular);
    }

    private static IQueryable<SwotBoard> PublicBoards(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, SwotService.Key);
        return db.Set<SwotBoard>().AsNoTracking().Where(b => processes.Any(p => p.Id == b.ProcessId));
    }

    private sealed record BoardRow(SwotBoard B, string Process, int Participants)
    {
        public ApiSwotBoard ToApi(PublicLinks links) => new(B.Id, Process, ApiText.From(B.Title), B.DotsPerPerson, B.ClosedAt != null,
            Participants, B.EventId, B.CreatedAt, new Uri(links.Absolute($"/processes/{Process}/swot/{B.Id}")));
    }

    private static IQueryable<BoardRow> ProjectBoards(AgoraDb db, IQueryable<SwotBoard> boards) =>
        from b in boards
        join p in db.Set<Process>() on b.ProcessId equals p.Id
        select new BoardRow(b, p.Slug, db.Set<SwotDot>().Where(d => d.BoardId == b.Id).Select(d => d.UserId).Distinct().Count());

    /// <summary>Two queries at most: the process filter's slug, then the page with its counts as subqueries.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var board = list.Id("board");
        var quadrant = list.Enum<SwotQuadrant>("quadrant");
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Project(db, Public(db));
        if (processId is Guid pid)
            q = q.Where(r => r.ProcessId == pid);
        if (board is Guid b)
            q = q.Where(r => r.I.BoardId == b);
        if (quadrant is SwotQuadrant quad)
            q = q.Where(r => r.I.Quadrant == quad);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(r => r.I.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(r => r.I.CreatedAt > a.At || (r.I.CreatedAt == a.At && r.I.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(r => r.I.CreatedAt).ThenBy(r => r.I.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links)).ToList(), i => new ApiCursor(i.CreatedAt, i.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await Project(db, Public(db).Where(i => i.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row?.ToApi(links), Kind.Singular);
    }

    /// <summary>Live items on boards of published processes with SWOT switched on, as on the board pages.</summary>
    public static IQueryable<SwotItem> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, SwotService.Key);
        var boards = db.Set<SwotBoard>().Where(b => processes.Any(p => p.Id == b.ProcessId));
        return db.Set<SwotItem>().AsNoTracking().Where(i => i.MergedIntoId == null && boards.Any(b => b.Id == i.BoardId));
    }

    /// <summary>Member-initialised, so the query can still filter and order by its members after the projection.</summary>
    private sealed class Row
    {
        public required SwotItem I { get; init; }
        public required Guid ProcessId { get; init; }
        public required string Process { get; init; }
        public required LocalizedText BoardTitle { get; init; }
        public DateTime? ClosedAt { get; init; }
        public int Dots { get; init; }
        public int Contributors { get; init; }

        public ApiSwotItem ToApi(PublicLinks links) => new(I.Id, I.BoardId, ApiText.From(BoardTitle), Process, I.Quadrant, I.Text,
            I.Explanation, I.Position, Dots, Contributors, ClosedAt != null, I.CreatedAt, I.UpdatedAt,
            new Uri(links.Absolute($"/processes/{Process}/swot/{I.BoardId}")));
    }

    private static IQueryable<Row> Project(AgoraDb db, IQueryable<SwotItem> items) =>
        from i in items
        join b in db.Set<SwotBoard>() on i.BoardId equals b.Id
        join p in db.Set<Process>() on b.ProcessId equals p.Id
        select new Row
        {
            I = i,
            ProcessId = p.Id,
            Process = p.Slug,
            BoardTitle = b.Title,
            ClosedAt = b.ClosedAt,
            Dots = db.Set<SwotDot>().Where(d => d.ItemId == i.Id).Sum(d => (int?)d.Count) ?? 0,
            Contributors = db.Set<SwotContribution>().Count(c => c.ItemId == i.Id),
        };
}
