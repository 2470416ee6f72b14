using System.Net;
using Agora.Web.Features.Events;

namespace Agora.Tests.Features.Events;

public sealed class ListTests
{
    [Fact]
    public async Task EventsPage_QueryCount_StaysFixedAsEventsGrow()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var process = await f.ProcessAsync(components: "events");
        for (var i = 0; i < 3; i++)
            await f.EventAsync(process.Id, district: "lozenets");
        var client = f.Browser();
        await client.GetAsync("/events"); // warm up
        f.Queries.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events")).StatusCode);
        var few = f.Queries.Count;

        for (var i = 0; i < 30; i++)
            await f.EventAsync(i % 2 == 0 ? process.Id : null, district: "lozenets");
        f.Queries.Reset();
        var html = await client.HtmlAsync("/events");
        var many = f.Queries.Count;
        Assert.Equal(few, many);
        Assert.Contains("page=2", html, StringComparison.Ordinal);

        f.Queries.Reset();
        await client.GetAsync($"/processes/{process.Slug}/events");
        var processFew = f.Queries.Count;
        await f.EventAsync(process.Id);
        f.Queries.Reset();
        await client.GetAsync($"/processes/{process.Slug}/events");
        Assert.Equal(processFew, f.Queries.Count);
    }

    [Fact]
    public async Task EventsPage_Filters_ByTypeDistrictProcessAndTime()
    {
        await using var f = new AgoraFactory();
        await f.InitializeAsync();
        var process = await f.ProcessAsync(components: "events");
        await f.EventAsync(process.Id, title: "Уебинар в Лозенец", type: EventType.Webinar, district: "lozenets");
        await f.EventAsync(title: "Обсъждане в Младост", type: EventType.PublicHearing, district: "mladost");
        await f.EventAsync(title: "Минала среща", type: EventType.Meeting, startsAt: DateTime.UtcNow.AddDays(-10));
        var client = f.Browser("bg");

        var byType = await client.HtmlAsync("/events?type=Webinar");
        Assert.Contains("Уебинар в Лозенец", byType, StringComparison.Ordinal);
        Assert.DoesNotContain("Обсъждане в Младост", byType, StringComparison.Ordinal);

        var byDistrict = await client.HtmlAsync("/events?district=mladost");
        Assert.Contains("Обсъждане в Младост", byDistrict, StringComparison.Ordinal);
        Assert.DoesNotContain("Уебинар в Лозенец", byDistrict, StringComparison.Ordinal);

        var byProcess = await client.HtmlAsync($"/events?process={process.Slug}");
        Assert.Contains("Уебинар в Лозенец", byProcess, StringComparison.Ordinal);
        Assert.DoesNotContain("Обсъждане в Младост", byProcess, StringComparison.Ordinal);

        var upcoming = await client.HtmlAsync("/events");
        Assert.DoesNotContain("Минала среща", upcoming, StringComparison.Ordinal);
        var past = await client.HtmlAsync("/events?when=past");
        Assert.Contains("Минала среща", past, StringComparison.Ordinal);
        Assert.DoesNotContain("Уебинар в Лозенец", past, StringComparison.Ordinal);

        var tab = await client.HtmlAsync($"/processes/{process.Slug}/events");
        Assert.Contains("Уебинар в Лозенец", tab, StringComparison.Ordinal);
        Assert.DoesNotContain("Обсъждане в Младост", tab, StringComparison.Ordinal);
    }
}
