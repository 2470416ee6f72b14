using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Needs;

/// <summary>Needs of a process, written by its facilitators in both languages.</summary>
public sealed class NeedSearchSource : QuerySearchSource<Need, NeedSearchSource.Row>
{
    public const string KindName = "need";

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, LocalizedText Title, LocalizedText Description, NeedStatus Status, DateTime CreatedAt);

    public override string Kind => KindName;

    protected override string Component => NeedsService.Key;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Need>(KindName, n => n.Id)];

    protected override Expression<Func<Need, Guid>> IdOf => n => n.Id;

    protected override IQueryable<Need> Items(AgoraDb db) => db.Set<Need>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Need> items) =>
        items.Join(db.Set<Process>(), n => n.ProcessId, p => p.Id,
            (n, p) => new Row(n.Id, p.Id, p.Slug, n.Title, n.Description, n.Status, n.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/needs")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            State = r.Status.ToString(),
        }.WithText(r.Title, r.Description);
}
