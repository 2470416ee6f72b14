using System.Linq.Expressions;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Pages;

/// <summary>The site's editable pages (the welcome text on the home page).</summary>
public sealed class PageSearchSource : QuerySearchSource<SitePage, SitePage>
{
    public const string KindName = "page";

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<SitePage>(KindName, p => p.Id)];

    protected override Expression<Func<SitePage, Guid>> IdOf => p => p.Id;

    protected override IQueryable<SitePage> Items(AgoraDb db) => db.Set<SitePage>();

    protected override IQueryable<SitePage> Project(AgoraDb db, IQueryable<SitePage> items) => items;

    protected override SearchDocument ToDocument(SitePage p) =>
        new SearchDocument(Kind, p.Id, p.Slug == "welcome" ? "/" : "/" + p.Slug) { Date = p.UpdatedAt }.WithText(p.Title, p.Body);
}
