using System.Linq.Expressions;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Learning;

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
