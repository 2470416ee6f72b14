using System.Linq.Expressions;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.News;

/// <summary>News posts: drafts for those who manage them.</summary>
public sealed class NewsSearchSource : QuerySearchSource<NewsPost, NewsSearchSource.Row>
{
    public const string KindName = "news";

    public sealed record Row(Guid Id, string Slug, Guid? ProcessId, string? ProcessSlug, LocalizedText Title, LocalizedText Lead,
        LocalizedText Body, bool Published, DateTime? PublishedAt, DateTime CreatedAt);

    public override string Kind => KindName;

    protected override string Component => NewsSetup.ComponentKey;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<NewsPost>(KindName, p => p.Id)];

    protected override Expression<Func<NewsPost, Guid>> IdOf => n => n.Id;

    protected override IQueryable<NewsPost> Items(AgoraDb db) => db.Set<NewsPost>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<NewsPost> items) =>
        items.Select(n => new Row(n.Id, n.Slug, n.ProcessId,
            db.Set<Process>().Where(p => p.Id == n.ProcessId).Select(p => p.Slug).FirstOrDefault(),
            n.Title, n.Lead, n.Body, n.Published, n.PublishedAt, n.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, "/news/" + r.Slug)
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.ProcessSlug,
            Date = r.PublishedAt ?? r.CreatedAt,
            Visibility = r.Published ? SearchVisibility.Public
                : r.ProcessId != null ? SearchVisibility.ProcessManagers : SearchVisibility.Administrators,
        }.WithText(r.Title, r.Lead, r.Body);
}
