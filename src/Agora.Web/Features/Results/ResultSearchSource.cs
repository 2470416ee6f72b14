using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.ResultTracking;

/// <summary>Tracked results by title, description, district, status and their timeline's notes (a new update
/// re-indexes its result). Public like /results/{id}: anyone who sees the process.</summary>
public sealed class ResultSearchSource : QuerySearchSource<TrackedResult, ResultSearchSource.Row>
{
    public const string KindName = "result";

    public sealed record Row(Guid Id, Guid ProcessId, string ProcessSlug, LocalizedText Title, LocalizedText Description, string? District,
        ResultStatus Status, DateTime UpdatedAt, List<string> UpdatesBg, List<string> UpdatesEn);

    public override string Kind => KindName;

    protected override string Component => ResultService.Key;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } =
    [
        SearchTrigger.For<TrackedResult>(KindName, r => r.Id),
        SearchTrigger.For<ResultUpdate>(KindName, u => u.ResultId),
    ];

    protected override Expression<Func<TrackedResult, Guid>> IdOf => r => r.Id;

    protected override IQueryable<TrackedResult> Items(AgoraDb db) => db.Set<TrackedResult>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<TrackedResult> items) =>
        from r in items
        join p in db.Set<Process>() on r.ProcessId equals p.Id
        select new Row(r.Id, p.Id, p.Slug, r.Title, r.Description, r.District, r.Status, r.UpdatedAt,
            db.Set<ResultUpdate>().Where(u => u.ResultId == r.Id).OrderBy(u => u.CreatedAt).Select(u => u.Text.Bg).ToList(),
            db.Set<ResultUpdate>().Where(u => u.ResultId == r.Id).OrderBy(u => u.CreatedAt).Select(u => u.Text.En).ToList());

    protected override SearchDocument ToDocument(Row r)
    {
        var district = r.District == null ? null : Districts.NameOf(r.District);
        return new SearchDocument(Kind, r.Id, $"/results/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.ProcessSlug,
            District = r.District,
            Date = r.UpdatedAt,
            State = r.Status.ToString(),
        }.WithText(r.Title, r.Description, new LocalizedText(district ?? "", district ?? ""),
            new LocalizedText(string.Join("\n", r.UpdatesBg), string.Join("\n", r.UpdatesEn)));
    }
}
