using System.Net;
using System.Text.Json;
using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Api;

/// <summary>Paging, filters, bad input, caching and CORS: what every collection shares.</summary>
public sealed class ApiProtocolTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("after=MTIz", "after")]
    [InlineData("updated_since=yesterday", "updated_since")]
    [InlineData("updated_since=2026-13-45", "updated_since")]
    [InlineData("updated_since=05/01/2026", "updated_since")]
    [InlineData("district=atlantis", "district")]
    [InlineData("state=approved", "state")]
    [InlineData("proposal=42", "proposal")]
    public async Task MalformedParameters_Give400WithTheReason(string query, string named)
    {
        var kind = named is "state" ? "proposals" : named is "proposal" ? "comments" : "proposals";
        await f.Anonymous().ProblemAsync($"/api/v1/{kind}?{query}", HttpStatusCode.BadRequest, named);
    }

    [Fact]
    public async Task UnknownThings_Give404ProblemDetails()
    {
        var api = f.Anonymous();
        await api.ProblemAsync($"/api/v1/proposals/{Guid.NewGuid()}", HttpStatusCode.NotFound, "No public proposal");
        await api.ProblemAsync("/api/v1/proposals/not-a-uuid", HttpStatusCode.NotFound, "No such resource");
        await api.ProblemAsync("/api/v1/unicorns", HttpStatusCode.NotFound, "No such resource");
        await api.ProblemAsync("/api/v1/proposals?process=no-such-process", HttpStatusCode.NotFound, "no-such-process");
        var post = await api.PostAsync(new Uri("/api/v1/proposals", UriKind.Relative), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Paging_WithTiedTimes_ShowsEachItemOnce_AndFiltersCarryIntoNext()
    {
        var author = await f.PersonAsync();
        var process = await f.ProposalProcessAsync();
        var at = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        var created = new List<Proposal>();
        for (var i = 0; i < 7; i++)
            created.Add(await f.ProposalAsync(process, author, district: i % 2 == 0 ? "mladost" : null, createdAt: i < 5 ? at : at.AddMinutes(i)));
        var api = f.Anonymous();

        var all = await api.AllAsync($"/api/v1/proposals?process={process.Slug}&limit=2");
        Assert.Equal(created.Select(p => p.Id.ToString()).Order(StringComparer.Ordinal), all.Ids().Order(StringComparer.Ordinal));
        Assert.Equal(7, all.Ids().Distinct().Count());
        var times = all.Select(i => i.GetProperty("createdAt").GetDateTime()).ToList();
        Assert.Equal(times.Order(), times);

        var page = await api.JsonAsync($"/api/v1/proposals?process={process.Slug}&district=mladost&limit=2");
        var next = page.GetProperty("next").GetString()!;
        Assert.Contains("district=mladost", next, StringComparison.Ordinal);
        Assert.Contains($"process={process.Slug}", next, StringComparison.Ordinal);
        var mladost = await api.AllAsync($"/api/v1/proposals?process={process.Slug}&district=mladost&limit=2");
        Assert.Equal(4, mladost.Count);
        Assert.All(mladost, p => Assert.Equal("mladost", p.GetProperty("district").GetString()));
        var city = await api.AllAsync($"/api/v1/proposals?process={process.Slug}&district=city");
        Assert.Equal(3, city.Count);
        Assert.All(city, p => Assert.False(p.TryGetProperty("district", out _)));

        // The last page has no next link; the Link header mirrors next.
        var last = await api.GetAsync(new Uri($"/api/v1/proposals?process={process.Slug}&limit=2", UriKind.Relative));
        Assert.Contains("rel=\"next\"", last.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        var one = await api.JsonAsync($"/api/v1/proposals?process={process.Slug}&limit=100");
        Assert.False(one.TryGetProperty("next", out _));
    }

    [Fact]
    public async Task UpdatedSince_ReturnsOnlyLaterChanges()
    {
        var author = await f.PersonAsync();
        var process = await f.ProposalProcessAsync();
        var old = await f.ProposalAsync(process, author);
        var changed = await f.ProposalAsync(process, author);
        await f.DbAsync(async db =>
        {
            (await db.Set<Proposal>().SingleAsync(p => p.Id == old.Id)).UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            (await db.Set<Proposal>().SingleAsync(p => p.Id == changed.Id)).UpdatedAt = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
            return await db.SaveChangesAsync();
        });
        var api = f.Anonymous();
        Assert.Equal([changed.Id.ToString()], (await api.AllAsync($"/api/v1/proposals?process={process.Slug}&updated_since=2026-06-01T12:00:00Z")).Ids());
        Assert.Equal([changed.Id.ToString()], (await api.AllAsync($"/api/v1/proposals?process={process.Slug}&updated_since=2026-06-01T14:00:00%2B03:00")).Ids());
        Assert.Equal(2, (await api.AllAsync($"/api/v1/proposals?process={process.Slug}&updated_since=2025-12-31")).Count);
        Assert.Empty(await api.AllAsync($"/api/v1/proposals?process={process.Slug}&updated_since=2026-06-02"));
    }

    [Fact]
    public async Task Events_FilterByTimeAndType_AsTheEventsPageDoes()
    {
        var process = await f.ProcessAsync(components: "events");
        async Task<Agora.Web.Features.Events.Event> EventAsync(int days, Agora.Web.Features.Events.EventType type) =>
            await f.DbAsync(async db =>
            {
                var e = new Agora.Web.Features.Events.Event
                {
                    ProcessId = process.Id,
                    Type = type,
                    Title = new("Среща", "Meeting"),
                    Published = true,
                    StartsAt = DateTime.UtcNow.AddDays(days),
                    EndsAt = DateTime.UtcNow.AddDays(days).AddHours(2),
                    CreatedAt = DateTime.UtcNow,
                    UpdatedAt = DateTime.UtcNow,
                };
                db.Add(e);
                await db.SaveChangesAsync();
                return e;
            });
        var past = await EventAsync(-3, Agora.Web.Features.Events.EventType.Workshop);
        var coming = await EventAsync(3, Agora.Web.Features.Events.EventType.Webinar);
        var api = f.Anonymous();
        Assert.Equal([past.Id.ToString()], (await api.AllAsync($"/api/v1/events?process={process.Slug}&when=past")).Ids());
        Assert.Equal([coming.Id.ToString()], (await api.AllAsync($"/api/v1/events?process={process.Slug}&when=upcoming")).Ids());
        Assert.Equal([coming.Id.ToString()], (await api.AllAsync($"/api/v1/events?process={process.Slug}&type=webinar")).Ids());
        Assert.Equal(2, (await api.AllAsync($"/api/v1/events?process={process.Slug}")).Count);
        await api.ProblemAsync("/api/v1/events?when=tomorrow", HttpStatusCode.BadRequest, "when must be one of: upcoming, past");
    }

    [Fact]
    public async Task ETag_GivesNotModified_UntilTheDataChanges()
    {
        var author = await f.PersonAsync();
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, author);
        var api = f.Anonymous();
        var url = new Uri($"/api/v1/proposals?process={process.Slug}", UriKind.Relative);
        var first = await api.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await api.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await f.DbAsync(async db =>
        {
            (await db.Set<Proposal>().SingleAsync(x => x.Id == p.Id)).SupportCount = 5;
            return await db.SaveChangesAsync();
        });
        using var later = new HttpRequestMessage(HttpMethod.Get, url);
        later.Headers.IfNoneMatch.Add(etag);
        var changed = await api.SendAsync(later);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);

        // HEAD answers with the tag and no body.
        using var head = new HttpRequestMessage(HttpMethod.Head, url);
        var headed = await api.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headed.StatusCode);
        Assert.Equal(changed.Headers.ETag, headed.Headers.ETag);
        Assert.Empty(await headed.Content.ReadAsByteArrayAsync());

        // Items too.
        var item = await api.GetAsync(new Uri($"/api/v1/proposals/{p.Id}", UriKind.Relative));
        using var itemAgain = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/proposals/{p.Id}", UriKind.Relative));
        itemAgain.Headers.IfNoneMatch.Add(item.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await api.SendAsync(itemAgain)).StatusCode);
    }

    [Fact]
    public async Task Cors_AllowsAnyOrigin_WithoutCredentials_IncludingPreflight()
    {
        var api = f.Anonymous();
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/processes", UriKind.Relative));
        get.Headers.Add("Origin", "https://data.example.org");
        var r = await api.SendAsync(get);
        Assert.Equal("*", r.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(r.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Contains("ETag", r.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("/api/v1/proposals", UriKind.Relative));
        preflight.Headers.Add("Origin", "https://data.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var p = await api.SendAsync(preflight);
        Assert.True(p.IsSuccessStatusCode, p.StatusCode.ToString());
        Assert.Equal("*", p.Headers.GetValues("Access-Control-Allow-Origin").Single());

        // The pages are not opened to other origins.
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri("/processes", UriKind.Relative));
        page.Headers.Add("Origin", "https://data.example.org");
        Assert.False((await api.SendAsync(page)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Bodies_AreCamelCase_BilingualObjects_UtcTimes()
    {
        var author = await f.PersonAsync();
        var process = await f.ProposalProcessAsync();
        await f.ProposalAsync(process, author);
        var api = f.Anonymous();
        var p = await api.JsonAsync($"/api/v1/processes/{process.Id}");
        Assert.Equal(process.Title.Bg, p.GetProperty("title").GetProperty("bg").GetString());
        Assert.Equal(process.Title.En, p.GetProperty("title").GetProperty("en").GetString());
        Assert.EndsWith("Z", p.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, p.GetProperty("phases").ValueKind);
        Assert.Equal($"http://localhost/processes/{process.Slug}", p.GetProperty("url").GetString());
        var item = (await api.JsonAsync($"/api/v1/proposals?process={process.Slug}")).GetProperty("items")[0];
        Assert.Equal("published", item.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Number, item.GetProperty("supportCount").ValueKind);
        Assert.False(item.TryGetProperty("answer", out _)); // nulls are left out
    }
}
