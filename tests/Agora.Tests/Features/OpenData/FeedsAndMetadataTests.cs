using System.Net;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Agora.Web.Features.Events;
using Agora.Web.Features.News;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.OpenData;

public sealed partial class FeedsAndMetadataTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static async Task<SyndicationFeed> AtomAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task Proposal_and_answer_feeds_parse_and_carry_public_proposals_only()
    {
        var w = await f.WorldAsync();
        var client = f.Browser();
        foreach (var url in new[] { "/proposals.atom", $"/processes/{w.Open.Slug}/proposals.atom" })
        {
            var feed = await AtomAsync(client, url);
            var titles = feed.Items.Select(i => i.Title.Text).ToList();
            Assert.Contains(w.Visible.Title, titles);
            Assert.Contains(w.Answered.Title, titles);
            Assert.DoesNotContain(w.Hidden.Title, titles);
            Assert.DoesNotContain(w.InDraftProcess.Title, titles);
            Assert.All(feed.Items, i => Assert.NotEmpty(i.Links));
        }
        foreach (var url in new[] { "/answers.atom", $"/processes/{w.Open.Slug}/answers.atom" })
        {
            var feed = await AtomAsync(client, url);
            var item = Assert.Single(feed.Items, i => i.Title.Text.Contains(w.Answered.Title, StringComparison.Ordinal));
            Assert.Contains("<strong>предложението</strong>", ((TextSyndicationContent)item.Content).Text, StringComparison.Ordinal);
            Assert.DoesNotContain(feed.Items, i => i.Title.Text.Contains(w.Visible.Title, StringComparison.Ordinal));
        }
        var english = await AtomAsync(client, "/proposals.atom?culture=en");
        Assert.Equal("New proposals", english.Title.Text);
        var raw = await client.GetStringAsync("/proposals.atom");
        Assert.DoesNotContain(w.Author.Email!, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Иван Тестов", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_of_unpublished_processes_or_without_proposals_are_404()
    {
        var w = await f.WorldAsync();
        var noProposals = await f.ProcessAsync(components: "events");
        var client = f.Browser();
        foreach (var url in new[] { $"/processes/{w.Draft.Slug}/proposals.atom", $"/processes/{w.Draft.Slug}/answers.atom",
                     $"/processes/{noProposals.Slug}/proposals.atom", "/processes/no-such-process/answers.atom",
                     $"/processes/{w.Draft.Slug}/events.ics", $"/organizations/{w.Unlisted.Slug}/events.ics", "/organizations/nobody/events.ics" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Process_and_organisation_calendars_hold_their_public_events_in_rfc_5545_lines()
    {
        var w = await f.WorldAsync();
        var client = f.Browser();
        foreach (var url in new[] { $"/processes/{w.Open.Slug}/events.ics", $"/organizations/{w.Listed.Slug}/events.ics" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
            var ics = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
            Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
            Assert.Contains($"UID:{w.PublicEvent.Id:D}@", ics, StringComparison.Ordinal);
            Assert.Contains("DTSTAMP:", ics, StringComparison.Ordinal);
            Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
            var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
            Assert.Contains("Зала 1\\, „Московска“ 33", unfolded, StringComparison.Ordinal);
            Assert.DoesNotContain(w.DraftEvent.Id.ToString(), ics, StringComparison.Ordinal);
            Assert.DoesNotContain(w.DraftProcessEvent.Id.ToString(), ics, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdPattern();

    private static JsonElement SingleJsonLd(string html)
    {
        var m = Assert.Single(JsonLdPattern().Matches(html));
        return JsonDocument.Parse(m.Groups[1].Value).RootElement;
    }

    [Fact]
    public async Task Json_ld_on_news_organisation_and_event_pages_cannot_be_broken_out_of()
    {
        const string Evil = "</script><script>alert(1)</script><!--";
        var now = DateTime.UtcNow;
        var post = new NewsPost { Slug = "evil-" + Guid.NewGuid().ToString("N")[..8], Title = new(Evil, Evil), Lead = new(Evil, Evil), Body = new("x", "x"), Published = true, PublishedAt = now, CreatedAt = now, UpdatedAt = now };
        var org = new Organization { Slug = "evil-" + Guid.NewGuid().ToString("N")[..8], Name = new(Evil, Evil), Description = new(Evil, Evil), Kind = OrganizationKind.Ngo, CreatedAt = now, UpdatedAt = now };
        var ev = new Event { Title = new(Evil, Evil), Description = new(Evil, Evil), Organiser = new(Evil, Evil), Venue = Evil, StartsAt = now.AddDays(1), EndsAt = now.AddDays(1).AddHours(1), Published = true, PublishedAt = now, CreatedAt = now, UpdatedAt = now };
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AgoraDb>();
            db.AddRange(post, org, ev);
            await db.SaveChangesAsync();
        });
        var client = f.Browser();
        foreach (var (url, type) in new[] { ($"/news/{post.Slug}", "NewsArticle"), ($"/organizations/{org.Slug}", "NGO"), ($"/events/{ev.Id}", "Event") })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
            var ld = SingleJsonLd(html);
            Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
            Assert.Equal(type, ld.GetProperty("@type").GetString());
            Assert.Equal(Evil, ld.GetProperty(type == "NewsArticle" ? "headline" : "name").GetString());
        }
        var article = SingleJsonLd(await client.GetStringAsync($"/news/{post.Slug}"));
        Assert.Equal("Столична община", article.GetProperty("publisher").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(article.GetProperty("datePublished").GetString()));
    }

    [Fact]
    public async Task Every_page_has_open_graph_tags_with_the_page_locale()
    {
        var client = f.Browser();
        var bg = await client.GetStringAsync("/");
        Assert.Contains("<meta property=\"og:locale\" content=\"bg_BG\">", bg, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"website\">", bg, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\"", bg, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/\">", bg, StringComparison.Ordinal);
        var en = await f.Browser("en").GetStringAsync("/open-data?culture=en");
        Assert.Contains("<meta property=\"og:locale\" content=\"en_GB\">", en, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:url\" content=\"http://localhost/open-data?culture=en\">", en, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\" content=\"Open data\">", en, StringComparison.Ordinal);
        var w = await f.WorldAsync();
        var news = await client.GetStringAsync($"/news/{w.PublicNews.Slug}");
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", news, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:description\" content=\"Въведение\">", news, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_process_page_links_its_feeds_and_calendar()
    {
        var w = await f.WorldAsync();
        var html = await f.Browser().GetStringAsync($"/processes/{w.Open.Slug}");
        foreach (var feed in new[] { "news.atom?culture=bg", "proposals.atom?culture=bg", "answers.atom?culture=bg", "events.ics" })
            Assert.Contains($"href=\"/processes/{w.Open.Slug}/{feed}\"", html, StringComparison.Ordinal);
        var proposals = await f.Browser().GetStringAsync($"/processes/{w.Open.Slug}/proposals");
        Assert.Contains($"/processes/{w.Open.Slug}/answers.atom", proposals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitemap_lists_public_pages_in_both_languages_and_robots_points_to_it()
    {
        var w = await f.WorldAsync();
        var client = f.Browser();
        var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var locs = xml.Descendants(sm + "loc").Select(l => new Uri(l.Value).PathAndQuery).ToHashSet();
        foreach (var path in new[] { $"/processes/{w.Open.Slug}", $"/processes/{w.Open.Slug}/proposals/{w.Visible.Id}", $"/processes/{w.Open.Slug}/debates/{w.VisibleDebate.Id}",
                     $"/events/{w.PublicEvent.Id}", $"/organizations/{w.Listed.Slug}", $"/news/{w.PublicNews.Slug}", $"/learn/guides/{w.Guide.Slug}" })
        {
            Assert.Contains(path, locs);
            Assert.Contains(path + "?culture=en", locs);
        }
        var guide = xml.Descendants(sm + "url").First(u => u.Element(sm + "loc")!.Value.EndsWith($"/learn/guides/{w.Guide.Slug}", StringComparison.Ordinal));
        var alternates = guide.Elements(xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, new Uri(l.Attribute("href")!.Value).PathAndQuery)).ToList();
        Assert.Contains(("en", $"/learn/guides/{w.Guide.Slug}?culture=en"), alternates);
        Assert.Contains(("bg", $"/learn/guides/{w.Guide.Slug}"), alternates);
        var all = string.Join("\n", locs);
        foreach (var hidden in new[] { w.Draft.Slug, w.Hidden.Id.ToString(), w.HiddenDebate.Id.ToString(), w.DraftEvent.Id.ToString(), w.DraftProcessEvent.Id.ToString(),
                     w.Unlisted.Slug, w.DraftNews.Slug, w.DraftGuide.Slug })
            Assert.DoesNotContain(hidden, all, StringComparison.Ordinal);

        var robots = await client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
    }
}
