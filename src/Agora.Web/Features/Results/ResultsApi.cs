using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.ResultTracking;

/// <summary>A tracked result as the API shows it (v1).</summary>
[Description("A tracked result: something the municipality committed to do in a process, with its status, progress, money and milestones.")]
public sealed record ApiResult(
    [property: Description("The result's id.")] Guid Id,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The title, in both languages.")] ApiText Title,
    [property: Description("The description, Markdown, in both languages.")] ApiText Description,
    [property: Description("The district key, or city for the whole city.")] string District,
    [property: Description("The responsible administration area key, e.g. digital, mobility, other.")] string Department,
    [property: Description("Where it stands: planned, inProgress, completed, cancelled.")] ResultStatus Status,
    [property: Description("Progress in percent, 0–100.")] int Progress,
    [property: Description("Why it was cancelled; absent unless cancelled.")] string? CancelReason,
    [property: Description("Budget allocated, in euro cents.")] long BudgetAllocatedCents,
    [property: Description("Budget spent so far, in euro cents.")] long BudgetSpentCents,
    [property: Description("Planned start, a calendar date (yyyy-MM-dd); absent when not set.")] DateOnly? StartOn,
    [property: Description("Due date, a calendar date (yyyy-MM-dd); absent when not set.")] DateOnly? DueOn,
    [property: Description("What it came from; absent when it was recorded on its own.")] ApiResultOrigin? Origin,
    [property: Description("How many timeline updates it has.")] int UpdateCount,
    [property: Description("Its milestones by planned date; only on /results/{id}.")] IReadOnlyList<ApiResultMilestone>? Milestones,
    [property: Description("Its timeline, oldest first; only on /results/{id}.")] IReadOnlyList<ApiResultUpdate>? Updates,
    [property: Description("When it was recorded, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The result's page.")] Uri Url);

[Description("The decision a result comes from.")]
public sealed record ApiResultOrigin(
    [property: Description("The kind: proposal, need, commitment (more kinds may be added, e.g. budget-project).")] string Kind,
    [property: Description("The id of the item in its own collection (/proposals, /needs, /commitments …).")] Guid Id);

[Description("A step of a result with its planned date and, once reached, its date and evidence.")]
public sealed record ApiResultMilestone(
    [property: Description("The milestone, in both languages.")] ApiText Title,
    [property: Description("The planned date (yyyy-MM-dd).")] DateOnly PlannedOn,
    [property: Description("When it was reached; absent until then.")] DateOnly? DoneOn,
    [property: Description("Evidence, Markdown with links to photos and documents; empty when none.")] string Evidence);

[Description("A timeline entry: a note and the status and progress it moved to, if they changed.")]
public sealed record ApiResultUpdate(
    [property: Description("When it was posted, UTC.")] DateTime At,
    [property: Description("The note, in both languages (either may be empty).")] ApiText Text,
    [property: Description("The status it moved to; absent when unchanged.")] ResultStatus? NewStatus,
    [property: Description("The progress it moved to; absent when unchanged.")] int? NewProgress);

/// <summary>/api/v1/results: tracked results of published processes with results switched on.</summary>
public sealed class ResultsApi : IApiModule
{
    public static readonly ApiKind Kind = new("results", "result",
        "Tracked results: what the municipality committed to do (accepted proposals, prioritised needs, commitments …), " +
        "with status, progress, budget allocated and spent, and milestones. Results of unpublished processes are left out.",
        typeof(ApiResult),
        new ApiResult(Guid.Parse("5e5a17e0-0000-4000-8000-000000000001"), "icc-2026",
            new ApiText("Портал за отворени данни", "Open data portal"), new ApiText("Наборите от данни на едно място.", "Datasets in one place."),
            "city", "digital", ResultStatus.InProgress, 45, null, 12_000_000, 4_150_000, new DateOnly(2026, 3, 1), new DateOnly(2026, 12, 31),
            new ApiResultOrigin("need", Guid.Parse("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f")), 3, null, null,
            new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/results/5e5a17e0-0000-4000-8000-000000000001")),
        [ProcessApiFilters.Process, ProcessApiFilters.District, ApiFilter.Enum<ResultStatus>("status", "Only results in this status."), ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/results", ListAsync);
        api.MapRead("/results/{id:guid}", GetAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var status = list.Enum<ResultStatus>("status");
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Project(db, Public(db));
        if (processId is Guid pid)
            q = q.Where(r => r.R.ProcessId == pid);
        if (list.District == "city")
            q = q.Where(r => r.R.District == null);
        else if (list.District != null)
            q = q.Where(r => r.R.District == list.District);
        if (status is ResultStatus s)
            q = q.Where(r => r.R.Status == s);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(r => r.R.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(r => r.R.CreatedAt > a.At || (r.R.CreatedAt == a.At && r.R.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(r => r.R.CreatedAt).ThenBy(r => r.R.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links, null, null)).ToList(), x => new ApiCursor(x.CreatedAt, x.Id));
    }

    /// <summary>Three queries: the result, its milestones, its timeline.</summary>
    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await Project(db, Public(db).Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        if (row == null)
            return ApiList.Item<ApiResult>(null, Kind.Singular);
        var milestones = (await db.Set<ResultMilestone>().AsNoTracking().Where(m => m.ResultId == id)
            .OrderBy(m => m.PlannedOn).ThenBy(m => m.CreatedAt).ToListAsync(ct))
            .Select(m => new ApiResultMilestone(ApiText.From(m.Title), m.PlannedOn, m.DoneOn, m.Evidence)).ToList();
        var updates = (await db.Set<ResultUpdate>().AsNoTracking().Where(u => u.ResultId == id)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).ToListAsync(ct))
            .Select(u => new ApiResultUpdate(u.CreatedAt, ApiText.From(u.Text), u.NewStatus, u.NewProgress)).ToList();
        return ApiList.Item(row.ToApi(links, milestones, updates), Kind.Singular);
    }

    /// <summary>Results of published processes with results switched on, as anonymous readers see them.</summary>
    public static IQueryable<TrackedResult> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, ResultService.Key);
        return db.Set<TrackedResult>().AsNoTracking().Where(r => processes.Any(p => p.Id == r.ProcessId));
    }

    /// <summary>Member-initialised, so the query can still filter and order by its members after the projection.</summary>
    private sealed class Row
    {
        public required TrackedResult R { get; init; }
        public required string Process { get; init; }

        public ApiResult ToApi(PublicLinks links, IReadOnlyList<ApiResultMilestone>? milestones, IReadOnlyList<ApiResultUpdate>? updates) => new(
            R.Id, Process, ApiText.From(R.Title), ApiText.From(R.Description), R.District ?? "city", R.Department, R.Status, R.Progress,
            R.Status == ResultStatus.Cancelled ? R.CancelReason : null, R.BudgetAllocatedCents, R.BudgetSpentCents, R.StartOn, R.DueOn,
            R.OriginKind != null && R.OriginId is Guid oid ? new ApiResultOrigin(R.OriginKind, oid) : null,
            R.UpdateCount, milestones, updates, R.CreatedAt, R.UpdatedAt, new Uri(links.Absolute($"/results/{R.Id}")));
    }

    private static IQueryable<Row> Project(AgoraDb db, IQueryable<TrackedResult> results) =>
        from r in results
        join p in db.Set<Process>() on r.ProcessId equals p.Id
        select new Row { R = r, Process = p.Slug };
}
