using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Swot;

/// <summary>SWOT items of a board; items merged into another are not indexed (the one they merged into is).</summary>
public sealed class SwotItemSearchSource : QuerySearchSource<SwotItem, SwotItemSearchSource.Row>
{
    public const string KindName = "swot-item";

    public sealed record Row(Guid Id, Guid BoardId, Guid ProcessId, string Slug, string Text, string? Explanation, string Language, DateTime CreatedAt);

    public override string Kind => KindName;

    protected override string Component => SwotService.Key;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<SwotItem>(KindName, i => i.Id)];

    protected override Expression<Func<SwotItem, Guid>> IdOf => i => i.Id;

    protected override IQueryable<SwotItem> Items(AgoraDb db) => db.Set<SwotItem>().Where(i => i.MergedIntoId == null);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<SwotItem> items) =>
        from i in items
        join b in db.Set<SwotBoard>() on i.BoardId equals b.Id
        join p in db.Set<Process>() on b.ProcessId equals p.Id
        select new Row(i.Id, b.Id, p.Id, p.Slug, i.Text, i.Explanation, i.Language, i.CreatedAt);

    protected override SearchDocument ToDocument(Row r)
    {
        var doc = new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/swot/{r.BoardId}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
        };
        return r.Language == "en"
            ? doc with { TitleEn = r.Text, TextEn = r.Explanation ?? "" }
            : doc.WithCitizenText(r.Text, r.Explanation ?? "");
    }
}
