using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Commitments;

/// <summary>Commitments; those hidden by a facilitator are not indexed.</summary>
public sealed class CommitmentSearchSource : QuerySearchSource<Commitment, CommitmentSearchSource.Row>
{
    public const string KindName = "commitment";

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, string Title, string Description, string? TitleEn,
        string? DescriptionEn, CommitmentStatus Status, DateTime CreatedAt);

    public override string Kind => KindName;

    protected override string Component => CommitmentService.Key;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Commitment>(KindName, c => c.Id)];

    protected override Expression<Func<Commitment, Guid>> IdOf => c => c.Id;

    protected override IQueryable<Commitment> Items(AgoraDb db) => db.Set<Commitment>().Where(c => c.HiddenAt == null);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Commitment> items) =>
        items.Join(db.Set<Process>(), c => c.ProcessId, p => p.Id,
            (c, p) => new Row(c.Id, p.Id, p.Slug, c.Title, c.Description, c.TitleEn, c.DescriptionEn, c.Status, c.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/commitments/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            State = r.Status.ToString(),
            TitleEn = r.TitleEn ?? "",
            TextEn = r.DescriptionEn ?? "",
        }.WithCitizenText(r.Title, r.Description);
}
