using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Maturity;

/// <summary>Maturity rounds by title and conclusions. A published round leads to its report and is public; an
/// unpublished one only to those who manage the process (as <see cref="MaturityService.MaySeeReport"/>).</summary>
public sealed class MaturityRoundSearchSource : QuerySearchSource<MaturityRound, MaturityRoundSearchSource.Row>
{
    public const string KindName = "maturity-round";

    public sealed record Row(Guid Id, Guid ProcessId, string ProcessSlug, string Slug, LocalizedText Title, LocalizedText Conclusions,
        DateTime? PublishedAt, DateTime OpensAt);

    public override string Kind => KindName;

    protected override string Component => MaturityService.Key;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<MaturityRound>(KindName, r => r.Id)];

    protected override Expression<Func<MaturityRound, Guid>> IdOf => r => r.Id;

    protected override IQueryable<MaturityRound> Items(AgoraDb db) => db.Set<MaturityRound>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<MaturityRound> items) =>
        items.Join(db.Set<Process>(), r => r.ProcessId, p => p.Id,
            (r, p) => new Row(r.Id, p.Id, p.Slug, r.Slug, r.Title, r.Conclusions, r.PublishedAt, r.OpensAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.ProcessSlug}/{MaturityService.Segment}/{r.Slug}" + (r.PublishedAt != null ? "/report" : ""))
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.ProcessSlug,
            Date = r.PublishedAt ?? r.OpensAt,
            Visibility = r.PublishedAt != null ? SearchVisibility.Public : SearchVisibility.ProcessManagers,
        }.WithText(r.Title, r.Conclusions);
}
