using Agora.Web.Features.Events;
using Agora.Web.Features.Learning;

namespace Agora.Tests.Features.Learning;

public sealed class CourseEventsTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private async Task<Event> EventAsync(string title, bool published = true, Guid? processId = null, int inDays = 7)
    {
        var e = new Event
        {
            Title = new(title, title),
            Type = EventType.Webinar,
            Format = EventFormat.Online,
            ProcessId = processId,
            StartsAt = DateTime.UtcNow.AddDays(inDays),
            EndsAt = DateTime.UtcNow.AddDays(inDays).AddHours(2),
            Published = published,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.DbAsync(async db =>
        {
            db.Add(e);
            return await db.SaveChangesAsync();
        });
        return e;
    }

    [Fact]
    public async Task Course_LinkedEvents_ShowsOnlyUpcomingPublishedVisibleOnesWithLinksToTheEventPage()
    {
        var course = await f.CourseAsync(lessons: 1);
        var hidden = await f.ProcessAsync(published: false);
        var upcoming = await EventAsync("Уебинар за водещи");
        var draft = await EventAsync("Чернова на уебинар", published: false);
        var past = await EventAsync("Минала среща", inDays: -10);
        var inHiddenProcess = await EventAsync("Среща в скрит процес", processId: hidden.Id);
        await f.DbAsync(async db =>
        {
            foreach (var e in new[] { upcoming, draft, past, inHiddenProcess })
                db.Add(new CourseEvent { CourseId = course.Id, EventId = e.Id });
            return await db.SaveChangesAsync();
        });

        var html = await f.Browser().HtmlAsync($"/learn/courses/{course.Slug}");
        Assert.Contains("Събития на живо", html, StringComparison.Ordinal);
        Assert.Contains($"/events/{upcoming.Id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain(past.Id.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain(inHiddenProcess.Id.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_MainNavigation_LinksToTheLearningHub()
    {
        var html = await f.Browser().HtmlAsync("/");
        Assert.Contains("<a href=\"/learn\"", html, StringComparison.Ordinal);
        Assert.Contains(">Обучение</a>", html, StringComparison.Ordinal);
    }
}
