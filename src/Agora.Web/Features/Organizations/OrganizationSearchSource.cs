using System.Linq.Expressions;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Organizations;

/// <summary>Organisations of the registry; unlisted ones (pending join requests) for site administrators only.</summary>
public sealed class OrganizationSearchSource : QuerySearchSource<Organization, OrganizationSearchSource.Row>
{
    public const string KindName = "organization";

    public sealed record Row(Guid Id, string Slug, LocalizedText Name, LocalizedText Description, string Sectors, bool Listed, DateTime CreatedAt);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Organization>(KindName, o => o.Id)];

    protected override Expression<Func<Organization, Guid>> IdOf => o => o.Id;

    protected override IQueryable<Organization> Items(AgoraDb db) => db.Set<Organization>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Organization> items) =>
        items.Select(o => new Row(o.Id, o.Slug, o.Name, o.Description, o.Sectors, o.Listed, o.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, "/organizations/" + r.Slug)
        {
            Date = r.CreatedAt,
            Visibility = r.Listed ? SearchVisibility.Public : SearchVisibility.Administrators,
        }.WithText(r.Name, r.Description, new LocalizedText { Bg = r.Sectors, En = r.Sectors });
}
