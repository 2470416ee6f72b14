using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>The learning hub: guides and courses, filtered by audience and topic. Two queries whatever the numbers.</summary>
public sealed class IndexModel(LearningCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "audience")]
    public string? AudienceFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "topic")]
    public string? TopicFilter { get; set; }

    public sealed record GuideCard(string Slug, string Title, string Summary, Audience Audience, LearningTopic Topic, int Minutes,
        DateOnly ReviewedOn, bool Published);

    public sealed record CourseCard(string Slug, string Title, string Summary, Audience Audience, LearningTopic Topic, int Lessons,
        bool Published);

    public IReadOnlyList<GuideCard> Guides { get; private set; } = [];
    public IReadOnlyList<CourseCard> Courses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var guides = catalog.VisibleGuides(User).AsNoTracking();
        var courses = catalog.VisibleCourses(User).AsNoTracking();
        // Unknown filter values are ignored rather than refused: a stale bookmark still shows everything.
        if (Enum.TryParse<Audience>(AudienceFilter, ignoreCase: true, out var audience) && Enum.IsDefined(audience))
        {
            guides = guides.Where(g => g.Audience == audience);
            courses = courses.Where(c => c.Audience == audience);
        }
        else
        {
            AudienceFilter = null;
        }
        if (Enum.TryParse<LearningTopic>(TopicFilter, ignoreCase: true, out var topic) && Enum.IsDefined(topic))
        {
            guides = guides.Where(g => g.Topic == topic);
            courses = courses.Where(c => c.Topic == topic);
        }
        else
        {
            TopicFilter = null;
        }
        var guideRows = await guides.OrderBy(g => g.Audience).ThenByDescending(g => g.ReviewedOn).ThenBy(g => g.Slug)
            .Select(g => new { g.Slug, g.Title, g.Summary, g.Audience, g.Topic, g.ReadingMinutesBg, g.ReadingMinutesEn, g.ReviewedOn, g.Published })
            .ToListAsync(ct);
        Guides = guideRows.Select(g => new GuideCard(g.Slug, g.Title.Current, g.Summary.Current, g.Audience, g.Topic,
            en && g.ReadingMinutesEn > 0 && !string.IsNullOrWhiteSpace(g.Title.En) ? g.ReadingMinutesEn : g.ReadingMinutesBg,
            g.ReviewedOn, g.Published)).ToList();
        var courseRows = await courses.OrderBy(c => c.Slug)
            .Select(c => new { c.Slug, c.Title, c.Summary, c.Audience, c.Topic, Lessons = c.Lessons.Count, c.Published })
            .ToListAsync(ct);
        Courses = courseRows.Select(c => new CourseCard(c.Slug, c.Title.Current, c.Summary.Current, c.Audience, c.Topic, c.Lessons, c.Published)).ToList();
    }
}
