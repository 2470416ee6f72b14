using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>A published guide as other modules need it (search index, open-data API, sitemap): both languages.</summary>
public sealed record GuideEntry(Guid Id, string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Body,
    Audience Audience, LearningTopic Topic, DateOnly ReviewedOn, DateTime? PublishedAt, DateTime UpdatedAt)
{
    public string Path => "/learn/guides/" + Slug;
}

/// <summary>A published course for search, the open-data API and the sitemap.</summary>
public sealed record CourseEntry(Guid Id, string Slug, LocalizedText Title, LocalizedText Summary, Audience Audience,
    LearningTopic Topic, int Lessons, DateTime? PublishedAt, DateTime UpdatedAt)
{
    public string Path => "/learn/courses/" + Slug;
}

/// <summary>
/// What the learning hub publishes, and who sees what: published guides and courses for everyone, drafts for site
/// administrators. Search, the open-data API and the sitemap read published content through here.
/// </summary>
public sealed class LearningCatalog(AgoraDb db)
{
    public IQueryable<Guide> VisibleGuides(ClaimsPrincipal user) =>
        user.IsAdministrator() ? db.Set<Guide>() : db.Set<Guide>().Where(g => g.Published);

    public IQueryable<Course> VisibleCourses(ClaimsPrincipal user) =>
        user.IsAdministrator() ? db.Set<Course>() : db.Set<Course>().Where(c => c.Published);

    /// <summary>Every published guide, both languages, newest review first. One query.</summary>
    public async Task<IReadOnlyList<GuideEntry>> PublishedGuidesAsync(CancellationToken ct = default) =>
        await db.Set<Guide>().AsNoTracking().Where(g => g.Published)
            .OrderByDescending(g => g.ReviewedOn).ThenBy(g => g.Slug)
            .Select(g => new GuideEntry(g.Id, g.Slug, g.Title, g.Summary, g.Body, g.Audience, g.Topic, g.ReviewedOn,
                g.PublishedAt, g.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>Every published course, both languages. One query.</summary>
    public async Task<IReadOnlyList<CourseEntry>> PublishedCoursesAsync(CancellationToken ct = default) =>
        await db.Set<Course>().AsNoTracking().Where(c => c.Published)
            .OrderBy(c => c.Slug)
            .Select(c => new CourseEntry(c.Id, c.Slug, c.Title, c.Summary, c.Audience, c.Topic, c.Lessons.Count,
                c.PublishedAt, c.UpdatedAt))
            .ToListAsync(ct);
}
