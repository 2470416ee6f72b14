using System.Linq.Expressions;
using Agora.Web.Features.Events;
using Agora.Web.Features.Learning;
using Agora.Web.Features.News;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Pages;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Features.Search.Sources;

/// <summary>Events: drafts for the process's managers (site administrators for stand-alone ones).</summary>
public sealed class EventSearchSource : QuerySearchSource<Event, EventSearchSource.Row>
{
    public const string KindName = "event";

    public sealed record Row(Guid Id, Guid? ProcessId, string? Slug, LocalizedText Title, LocalizedText Description,
        LocalizedText Organiser, LocalizedText Outcomes, string Venue, string Address, string? District, DateTime StartsAt, bool Published);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Event>(KindName, e => e.Id)];

    protected override Expression<Func<Event, Guid>> IdOf => e => e.Id;

    protected override IQueryable<Event> Items(AgoraDb db) => db.Set<Event>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Event> items) =>
        items.Select(e => new Row(e.Id, e.ProcessId,
            db.Set<Process>().Where(p => p.Id == e.ProcessId).Select(p => p.Slug).FirstOrDefault(),
            e.Title, e.Description, e.Organiser, e.Outcomes, e.Venue, e.Address, e.District, e.StartsAt, e.Published));

    protected override SearchDocument ToDocument(Row r)
    {
        var place = new LocalizedText { Bg = r.Venue + " " + r.Address, En = r.Venue + " " + r.Address };
        return new SearchDocument(Kind, r.Id, "/events/" + r.Id)
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            District = r.District,
            Date = r.StartsAt,
            Visibility = r.Published ? SearchVisibility.Public
                : r.ProcessId != null ? SearchVisibility.ProcessManagers : SearchVisibility.Administrators,
        }.WithText(r.Title, r.Description, r.Organiser, r.Outcomes, place);
    }
}

/// <summary>News posts: drafts for those who manage them.</summary>
public sealed class NewsSearchSource : QuerySearchSource<NewsPost, NewsSearchSource.Row>
{
    public const string KindName = "news";

    public sealed record Row(Guid Id, string Slug, Guid? ProcessId, string? ProcessSlug, LocalizedText Title, LocalizedText Lead,
        LocalizedText Body, bool Published, DateTime? PublishedAt, DateTime CreatedAt);

    public override string Kind => KindName;

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

/// <summary>Guides of the learning hub, read as the catalogue publishes them; drafts for site administrators.</summary>
public sealed class GuideSearchSource : QuerySearchSource<Guide, Guide>
{
    public const string KindName = "guide";

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Guide>(KindName, g => g.Id)];

    protected override Expression<Func<Guide, Guid>> IdOf => g => g.Id;

    protected override IQueryable<Guide> Items(AgoraDb db) => new LearningCatalog(db).VisibleGuides(Staff);

    protected override IQueryable<Guide> Project(AgoraDb db, IQueryable<Guide> items) => items;

    protected override SearchDocument ToDocument(Guide g) =>
        new SearchDocument(Kind, g.Id, "/learn/guides/" + g.Slug)
        {
            Date = g.PublishedAt ?? g.UpdatedAt,
            Visibility = g.Published ? SearchVisibility.Public : SearchVisibility.Administrators,
        }.WithText(g.Title, g.Summary, g.Body);

    internal static readonly System.Security.Claims.ClaimsPrincipal Staff = new(new System.Security.Claims.ClaimsIdentity(
        [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Infrastructure.Identity.Roles.Administrator)], "search"));
}

/// <summary>Courses of the learning hub: title, summary and description (lessons stay inside the course).</summary>
public sealed class CourseSearchSource : QuerySearchSource<Course, CourseSearchSource.Row>
{
    public const string KindName = "course";

    public sealed record Row(Guid Id, string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Description,
        bool Published, DateTime? PublishedAt, DateTime UpdatedAt);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Course>(KindName, c => c.Id)];

    protected override Expression<Func<Course, Guid>> IdOf => c => c.Id;

    protected override IQueryable<Course> Items(AgoraDb db) => new LearningCatalog(db).VisibleCourses(GuideSearchSource.Staff);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Course> items) =>
        items.Select(c => new Row(c.Id, c.Slug, c.Title, c.Summary, c.Description, c.Published, c.PublishedAt, c.UpdatedAt));

    protected override SearchDocument ToDocument(Row c) =>
        new SearchDocument(Kind, c.Id, "/learn/courses/" + c.Slug)
        {
            Date = c.PublishedAt ?? c.UpdatedAt,
            Visibility = c.Published ? SearchVisibility.Public : SearchVisibility.Administrators,
        }.WithText(c.Title, c.Summary, c.Description);
}
