using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>A guide of the learning hub as the API shows it (v1).</summary>
[Description("A published guide of the learning hub, in both languages.")]
public sealed record ApiGuide(
    [property: Description("The guide's id.")] Guid Id,
    [property: Description("Its address on the site.")] string Slug,
    [property: Description("Title.")] ApiText Title,
    [property: Description("Summary, plain text.")] ApiText Summary,
    [property: Description("The guide, Markdown.")] ApiText Body,
    [property: Description("Who it is for: citizens, organisations or municipalStaff.")] Audience Audience,
    [property: Description("Its topic.")] LearningTopic Topic,
    [property: Description("Minutes to read, per language.")] ApiReadingMinutes ReadingMinutes,
    [property: Description("When its content was last reviewed, a date.")] DateOnly ReviewedOn,
    [property: Description("When it was published, UTC.")] DateTime? PublishedAt,
    [property: Description("When it was created, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The guide's page.")] Uri Url);

[Description("Minutes to read in each language.")]
public sealed record ApiReadingMinutes(
    [property: Description("In Bulgarian.")] int Bg,
    [property: Description("In English.")] int En);

/// <summary>A course of the learning hub as the API shows it (v1).</summary>
[Description("A published course of the learning hub, in both languages.")]
public sealed record ApiCourse(
    [property: Description("The course's id.")] Guid Id,
    [property: Description("Its address on the site.")] string Slug,
    [property: Description("Title.")] ApiText Title,
    [property: Description("Summary, plain text.")] ApiText Summary,
    [property: Description("Description, Markdown.")] ApiText Description,
    [property: Description("Who it is for: citizens, organisations or municipalStaff.")] Audience Audience,
    [property: Description("Its topic.")] LearningTopic Topic,
    [property: Description("Its lessons' titles in order (the lessons themselves are read on the site).")] IReadOnlyList<ApiText> Lessons,
    [property: Description("When it was published, UTC.")] DateTime? PublishedAt,
    [property: Description("When it was created, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The course's page.")] Uri Url);

/// <summary>/api/v1/guides and /api/v1/courses: published learning material only.</summary>
public sealed class LearningApi : IApiModule
{
    public static readonly ApiKind Guides = new("guides", "guide",
        "Published guides of the learning hub, in Bulgarian and English. Unpublished guides never appear.",
        typeof(ApiGuide),
        new ApiGuide(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"), "kak-da-podadem-predlozhenie",
            new ApiText("Как да подадем предложение", "How to submit a proposal"), new ApiText("Накратко.", "In short."),
            new ApiText("Текст.", "Text."), Audience.Citizens, LearningTopic.WritingProposal, new ApiReadingMinutes(4, 4),
            new DateOnly(2026, 4, 1), new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 20, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), new Uri("https://agora.sofia.bg/learn/guides/kak-da-podadem-predlozhenie")),
        [ApiFilter.Enum<Audience>("audience", "Only guides for this audience."), ApiFilter.Enum<LearningTopic>("topic", "Only guides on this topic."),
         ApiFilter.UpdatedSince]);

    public static readonly ApiKind Courses = new("courses", "course",
        "Published courses of the learning hub, in Bulgarian and English, with their lessons' titles. Unpublished courses never appear.",
        typeof(ApiCourse),
        new ApiCourse(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"), "uchastie-za-nachinaeshti",
            new ApiText("Участие за начинаещи", "Participation for beginners"), new ApiText("Накратко.", "In short."),
            new ApiText("Описание.", "Description."), Audience.Citizens, LearningTopic.TakingPart,
            [new ApiText("Какво е процес на участие", "What a participatory process is")],
            new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 20, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc), new Uri("https://agora.sofia.bg/learn/courses/uchastie-za-nachinaeshti")),
        [ApiFilter.Enum<Audience>("audience", "Only courses for this audience."), ApiFilter.Enum<LearningTopic>("topic", "Only courses on this topic."),
         ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Guides, Courses];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/guides", GuidesAsync);
        api.MapRead("/guides/{id:guid}", GuideAsync);
        api.MapRead("/courses", CoursesAsync);
        api.MapRead("/courses/{id:guid}", CourseAsync);
    }

    /// <summary>One query.</summary>
    private static async Task<IResult> GuidesAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var audience = list.Enum<Audience>("audience");
        var topic = list.Enum<LearningTopic>("topic");
        var q = db.Set<Guide>().AsNoTracking().Where(g => g.Published);
        if (audience is Audience au)
            q = q.Where(g => g.Audience == au);
        if (topic is LearningTopic t)
            q = q.Where(g => g.Topic == t);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(g => g.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(g => g.CreatedAt > a.At || (g.CreatedAt == a.At && g.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(g => g.CreatedAt).ThenBy(g => g.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(g => ToApi(g, links)).ToList(), g => new ApiCursor(g.CreatedAt, g.Id));
    }

    private static async Task<IResult> GuideAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var g = await db.Set<Guide>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.Published, ct);
        return ApiList.Item(g == null ? null : ToApi(g, links), Guides.Singular);
    }

    /// <summary>One query: the courses with their lessons.</summary>
    private static async Task<IResult> CoursesAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var audience = list.Enum<Audience>("audience");
        var topic = list.Enum<LearningTopic>("topic");
        var q = db.Set<Course>().AsNoTracking().Where(c => c.Published);
        if (audience is Audience au)
            q = q.Where(c => c.Audience == au);
        if (topic is LearningTopic t)
            q = q.Where(c => c.Topic == t);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(c => c.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(c => c.CreatedAt > a.At || (c.CreatedAt == a.At && c.Id.CompareTo(a.Id) > 0));
        var rows = await q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(list.Limit + 1).Include(c => c.Lessons).ToListAsync(ct);
        return list.Page(rows.Select(c => ToApi(c, links)).ToList(), c => new ApiCursor(c.CreatedAt, c.Id));
    }

    private static async Task<IResult> CourseAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var c = await db.Set<Course>().AsNoTracking().Include(x => x.Lessons).FirstOrDefaultAsync(x => x.Id == id && x.Published, ct);
        return ApiList.Item(c == null ? null : ToApi(c, links), Courses.Singular);
    }

    private static ApiGuide ToApi(Guide g, PublicLinks links) => new(g.Id, g.Slug, ApiText.From(g.Title), ApiText.From(g.Summary),
        ApiText.From(g.Body), g.Audience, g.Topic, new ApiReadingMinutes(g.ReadingMinutesBg, g.ReadingMinutesEn), g.ReviewedOn,
        g.PublishedAt, g.CreatedAt, g.UpdatedAt, new Uri(links.Absolute("/learn/guides/" + g.Slug)));

    private static ApiCourse ToApi(Course c, PublicLinks links) => new(c.Id, c.Slug, ApiText.From(c.Title), ApiText.From(c.Summary),
        ApiText.From(c.Description), c.Audience, c.Topic, [.. c.Lessons.OrderBy(l => l.Position).Select(l => ApiText.From(l.Title))],
        c.PublishedAt, c.CreatedAt, c.UpdatedAt, new Uri(links.Absolute("/learn/courses/" + c.Slug)));
}
