using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>A published maturity round as the API shows it (v1).</summary>
[Description("A maturity assessment round with a published report, and its figures per dimension (the same as the report, its CSV and JSON).")]
public sealed record ApiMaturityRound(
    [property: Description("The round's id.")] Guid Id,
    [property: Description("The slug of the process it belongs to.")] string Process,
    [property: Description("The round's slug, its stable address within the process.")] string Slug,
    [property: Description("The title, in both languages.")] ApiText Title,
    [property: Description("When assessments opened, UTC.")] DateTime OpensAt,
    [property: Description("When assessments closed, UTC.")] DateTime ClosesAt,
    [property: Description("When the report was published, UTC.")] DateTime PublishedAt,
    [property: Description("How many assessments were submitted (drafts never count).")] int Assessors,
    [property: Description("Submitted assessments per assessor group: municipality, business, ngo, academia, resident.")] IReadOnlyList<ApiGroupCount> AssessorsByGroup,
    [property: Description("The figures per dimension, in the framework's order. Levels 1–5; medians and quartiles by linear interpolation (type 7).")] IReadOnlyList<ReportDimension> Dimensions,
    [property: Description("When the round was created, UTC.")] DateTime CreatedAt,
    [property: Description("The report page.")] Uri Url);

[Description("How many assessors of a group took part.")]
public sealed record ApiGroupCount(
    [property: Description("The group: municipality, business, ngo, academia, resident.")] string Group,
    [property: Description("Submitted assessments.")] int Assessors);

/// <summary>/api/v1/maturity-rounds: rounds with a published report, in published processes with maturity switched on.
/// The comparison with the previous round is in the report's JSON (<c>report.json</c>).</summary>
public sealed class MaturityApi : IApiModule
{
    public static readonly ApiKind Kind = new("maturity-rounds", "maturityRound",
        "Maturity assessment rounds with a published report: who took part by group and, per dimension, the count, " +
        "median, quartiles and distribution of the current level, the median target and the mean gap.",
        typeof(ApiMaturityRound),
        new ApiMaturityRound(Guid.Parse("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), "icc-2026", "baseline-2021",
            new ApiText("Изходна оценка", "Baseline"), new DateTime(2021, 1, 14, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2021, 1, 21, 22, 0, 0, DateTimeKind.Utc), new DateTime(2021, 1, 25, 9, 0, 0, DateTimeKind.Utc), 3,
            [new ApiGroupCount("municipality", 1), new ApiGroupCount("ngo", 2)],
            [new ReportDimension("open-data", new TextPair("Отворени данни и прозрачност", "Open data and transparency"), 3,
                new ReportLevels(2, 1.5, 2.5, 1, [1, 1, 1, 0, 0]), new ReportLevels(4, 4, 4, 0, [0, 0, 0, 3, 0]), 2, 1, false,
                [new ReportGroup("municipality", 1, 3, 4, 1), new ReportGroup("ngo", 2, 1.5, 4, 2.5)], null)],
            new DateTime(2021, 1, 12, 9, 0, 0, DateTimeKind.Utc), new Uri("https://agora.sofia.bg/processes/icc-2026/maturity/baseline-2021/report")),
        [ProcessApiFilters.Process]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/maturity-rounds", ListAsync);
        api.MapRead("/maturity-rounds/{id:guid}", GetAsync);
    }

    /// <summary>Four queries at most: the process filter's slug, the page, the frameworks' dimensions and the ratings.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var processId = await list.ProcessIdAsync(db, ct);
        var q = Public(db);
        if (processId is Guid pid)
            q = q.Where(r => r.ProcessId == pid);
        if (list.After is ApiCursor a)
            q = q.Where(r => r.CreatedAt > a.At || (r.CreatedAt == a.At && r.Id.CompareTo(a.Id) > 0));
        var rows = await Project(db, q).OrderBy(r => r.R.CreatedAt).ThenBy(r => r.R.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(await ToApiAsync(rows, db, links, ct), r => new ApiCursor(r.CreatedAt, r.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await Project(db, Public(db).Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row == null ? null : (await ToApiAsync([row], db, links, ct))[0], Kind.Singular);
    }

    /// <summary>Rounds with a published report in published processes with maturity switched on, as on the rounds page.</summary>
    public static IQueryable<MaturityRound> Public(AgoraDb db)
    {
        var processes = PublicProcesses.With(db, MaturityService.Key);
        return db.Set<MaturityRound>().AsNoTracking().Where(r => r.PublishedAt != null && processes.Any(p => p.Id == r.ProcessId));
    }

    /// <summary>The rounds with their figures: two queries whatever their number, aggregated as the report does.</summary>
    private static async Task<List<ApiMaturityRound>> ToApiAsync(IReadOnlyList<Row> rows, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var frameworkIds = rows.Select(r => r.R.FrameworkId).Distinct().ToList();
        var dims = (await db.Set<MaturityDimension>().AsNoTracking().Where(d => frameworkIds.Contains(d.FrameworkId)).OrderBy(d => d.Position)
            .ToListAsync(ct)).ToLookup(d => d.FrameworkId);
        var roundIds = rows.Select(r => r.R.Id).ToList();
        var ratings = (await db.Set<MaturityScore>().AsNoTracking()
            .Join(db.Set<MaturityAssessment>().Where(a => roundIds.Contains(a.RoundId) && a.SubmittedAt != null), s => s.AssessmentId, a => a.Id, (s, a) => new { s, a })
            .Join(db.Set<MaturityDimension>(), x => x.s.DimensionId, d => d.Id, (x, d) => new { x.a.RoundId, x.a.UserId, x.a.Group, d.Key, x.s.Current, x.s.Target })
            .Where(x => x.Current != null && x.Target != null).ToListAsync(ct)).ToLookup(x => x.RoundId);
        return [.. rows.Select(row =>
        {
            var r = row.R;
            var framework = new MaturityFramework { Id = r.FrameworkId, Dimensions = [.. dims[r.FrameworkId]] };
            var result = MaturityAggregation.Aggregate([.. framework.Dimensions.Select(d => d.Key)],
                ratings[r.Id].Select(x => new Rating(x.UserId, x.Group, x.Key, x.Current!.Value, x.Target!.Value)));
            var figures = new RoundFigures(r, framework, result, null, null, null);
            var document = ReportDocument.From(new MaturityScope(new Process { Slug = row.Process }, false), figures);
            return new ApiMaturityRound(r.Id, row.Process, r.Slug, ApiText.From(r.Title), r.OpensAt, r.ClosesAt, r.PublishedAt!.Value,
                result.Assessors, [.. document.AssessorsByGroup.Select(g => new ApiGroupCount(g.Key, g.Value))], document.Dimensions, r.CreatedAt,
                new Uri(links.Absolute($"/processes/{row.Process}/{MaturityService.Segment}/{r.Slug}/report")));
        })];
    }

    /// <summary>Member-initialised, so the query can still order by its members after the projection.</summary>
    private sealed class Row
    {
        public required MaturityRound R { get; init; }
        public required string Process { get; init; }
    }

    private static IQueryable<Row> Project(AgoraDb db, IQueryable<MaturityRound> rounds) =>
        from r in rounds
        join p in db.Set<Process>() on r.ProcessId equals p.Id
        select new Row { R = r, Process = p.Slug };
}
