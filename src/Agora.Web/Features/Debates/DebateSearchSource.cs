using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Debates;

/// <summary>Debates; hidden ones are not indexed.</summary>
public sealed class DebateSearchSource : QuerySearchSource<Debate, DebateSearchSource.Row>
{
    public const string KindName = DebateCommentTarget.TypeName;

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, string Title, string Body, string? Conclusion, DateTime CreatedAt, bool Closed);

    public override string Kind => KindName;

    protected override string Component => DebateCommentTarget.Key;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Debate>(KindName, d => d.Id)];

    protected override Expression<Func<Debate, Guid>> IdOf => d => d.Id;

    protected override IQueryable<Debate> Items(AgoraDb db) => db.Set<Debate>().Where(d => d.HiddenAt == null);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Debate> items) =>
        items.Join(db.Set<Process>(), d => d.ProcessId, pr => pr.Id, (d, pr) =>
                new Row(d.Id, pr.Id, pr.Slug, d.Title, d.Body, d.Conclusion, d.CreatedAt, d.ClosedAt != null));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/debates/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            State = r.Closed ? "Closed" : "Open",
        }.WithCitizenText(r.Title, r.Body + "\n" + r.Conclusion);
}
