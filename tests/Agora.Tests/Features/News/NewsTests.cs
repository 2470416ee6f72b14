using System.Net;
using System.Xml.Linq;
using Agora.Web.Features.News;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.News;

public sealed class NewsTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static Dictionary<string, string> PostFields(Guid? processId, string title) => new()
    {
        ["Input.ProcessId"] = processId?.ToString() ?? "",
        ["Input.TitleBg"] = title,
        ["Input.TitleEn"] = title + " (en)",
        ["Input.LeadBg"] = "Кратко въведение.",
        ["Input.LeadEn"] = "A short lead.",
        ["Input.BodyBg"] = "Текст с **удебелено** и <script>alert(1)</script>.",
        ["Input.BodyEn"] = "Text with **bold**.",
        ["Input.AuthorName"] = "Иновативна София",
    };

    /// <summary>Seeds a post directly, for tests about who sees what.</summary>
    internal static async Task<NewsPost> PostAsync(AgoraFactory f, Guid? processId, bool published, string? title = null)
    {
        title ??= "Новина " + Guid.NewGuid().ToString("N")[..8];
        var post = new NewsPost
        {
            Slug = "n-" + Guid.NewGuid().ToString("N")[..12],
            ProcessId = processId,
            Title = new(title, title + " EN"),
            Lead = new("Въведение.", "Lead."),
            Body = new("Текст на **новината**.", "Text of the **post**."),
            AuthorName = "Автор",
            Published = published,
            PublishedAt = published ? DateTime.UtcNow : null,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.DbAsync(async db => { db.Add(post); return await db.SaveChangesAsync(); });
        return post;
    }

    [Fact]
    public async Task Create_ByProcessAdministrator_DraftSeenOnlyByManagersUntilPublished()
    {
        var manager = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "news", administrator: manager);
        var client = await f.SignedInAsync(manager);
        var title = "Нова среща в София " + Guid.NewGuid().ToString("N")[..6];

        var created = await client.PostFormAsync("/news/new?process=" + process.Slug, PostFields(process.Id, title), "/news/new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var post = await f.DbAsync(db => db.Set<NewsPost>().SingleAsync(p => p.Title.Bg == title));
        Assert.False(post.Published);
        Assert.StartsWith("nova-sreshta-v-sofia", post.Slug, StringComparison.Ordinal);
        Assert.Equal(manager.Id, post.AuthorId);

        // The draft: the manager sees it; anonymous readers and other people get a 404 and no trace in lists or feeds.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/news/" + post.Slug)).StatusCode);
        Assert.Contains(title, await client.HtmlAsync("/processes/" + process.Slug + "/news"), StringComparison.Ordinal);
        var anonymous = f.Browser();
        var other = await f.SignedInAsync(await f.PersonAsync());
        foreach (var reader in new[] { anonymous, other })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/news/" + post.Slug)).StatusCode);
            Assert.DoesNotContain(title, await reader.HtmlAsync("/news"), StringComparison.Ordinal);
            Assert.DoesNotContain(title, await reader.HtmlAsync("/processes/" + process.Slug + "/news"), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(title, await anonymous.HtmlAsync("/news.atom"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/news/{post.Slug}/edit")).StatusCode);
        Assert.StartsWith("/account/login", (await anonymous.GetAsync($"/news/{post.Slug}/edit")).Location(), StringComparison.Ordinal);

        // Published: everyone sees it, sanitised.
        var published = await client.PostFormAsync($"/news/{post.Slug}/edit", new Dictionary<string, string>(), $"/news/{post.Slug}/edit?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await anonymous.GetAsync("/news/" + post.Slug);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<strong>удебелено</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.HtmlAsync("/news"), StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.HtmlAsync("/news.atom"), StringComparison.Ordinal);
        Assert.Contains(title, await anonymous.HtmlAsync($"/processes/{process.Slug}/news.atom"), StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "news.publish" && a.TargetId == post.Id.ToString())));

        // Withdrawn: gone again for readers.
        await client.PostFormAsync($"/news/{post.Slug}/edit", new Dictionary<string, string>(), $"/news/{post.Slug}/edit?handler=Unpublish");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/news/" + post.Slug)).StatusCode);
    }

    [Fact]
    public async Task Create_ForAnotherProcessOrSiteWide_RefusedForProcessAdministrator()
    {
        var manager = await f.PersonAsync();
        await f.ProcessAsync(components: "news", administrator: manager);
        var foreign = await f.ProcessAsync(components: "news");
        var client = await f.SignedInAsync(manager);
        var title = "Чужда новина " + Guid.NewGuid().ToString("N")[..6];

        foreach (var target in new Guid?[] { foreign.Id, null })
        {
            var response = await client.PostFormAsync("/news/new", PostFields(target, title));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Можете да пишете новини само за процесите, които управлявате.", await response.TextAsync(), StringComparison.Ordinal);
        }
        Assert.False(await f.DbAsync(db => db.Set<NewsPost>().AnyAsync(p => p.Title.Bg == title)));

        // Someone else's post cannot be edited or published: it is a 404, as if it did not exist.
        var theirs = await PostAsync(f, foreign.Id, published: false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{theirs.Slug}/edit")).StatusCode);
        var sitewide = await PostAsync(f, null, published: true);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/news/{sitewide.Slug}/edit")).StatusCode);
    }

    [Fact]
    public async Task Create_PlainUser_IsRefused()
    {
        var client = await f.SignedInAsync(await f.PersonAsync());
        var form = await client.GetAsync("/news/new");
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/account/access-denied", form.Location(), StringComparison.Ordinal);
        Assert.DoesNotContain("/news/new", await client.HtmlAsync("/news"), StringComparison.Ordinal);
        var anonymous = await f.Browser().GetAsync("/news/new");
        Assert.StartsWith("/account/login", anonymous.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteAdministrator_WritesSiteWidePostAndEditsAnyPost()
    {
        var admin = await f.PersonAsync(role: Roles.Administrator, twoFactor: true);
        var client = await f.SignedInAsync(admin);
        var title = "Новина на платформата " + Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostFormAsync("/news/new", PostFields(null, title));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await f.DbAsync(db => db.Set<NewsPost>().AnyAsync(p => p.Title.Bg == title && p.ProcessId == null)));

        var process = await f.ProcessAsync(components: "news");
        var theirs = await PostAsync(f, process.Id, published: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/news/" + theirs.Slug)).StatusCode);
        var edited = await client.PostFormAsync($"/news/{theirs.Slug}/edit", PostFields(process.Id, "Поправено заглавие"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await f.DbAsync(db => db.Set<NewsPost>().SingleAsync(p => p.Id == theirs.Id));
        Assert.Equal("Поправено заглавие", after.Title.Bg);
        Assert.Equal(theirs.Slug, after.Slug); // links stay valid after an edit
    }

    [Fact]
    public async Task UnpublishedProcess_PostsAbsentFromPagesListsAndFeeds()
    {
        var manager = await f.PersonAsync();
        var process = await f.ProcessAsync(published: false, components: "news", administrator: manager);
        var post = await PostAsync(f, process.Id, published: true);
        var anonymous = f.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/news/" + post.Slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/processes/{process.Slug}/news")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/processes/{process.Slug}/news.atom")).StatusCode);
        Assert.DoesNotContain(post.Title.Bg, await anonymous.HtmlAsync("/news"), StringComparison.Ordinal);
        Assert.DoesNotContain(post.Title.Bg, await anonymous.HtmlAsync("/news.atom"), StringComparison.Ordinal);

        // Its manager sees it on pages, but feeds stay public-only whoever asks.
        var client = await f.SignedInAsync(manager);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/news/" + post.Slug)).StatusCode);
        Assert.Contains(post.Title.Bg, await client.HtmlAsync("/news"), StringComparison.Ordinal);
        Assert.DoesNotContain(post.Title.Bg, await client.HtmlAsync("/news.atom"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bg", "Новини от Агора")]
    [InlineData("en", "News from Agora")]
    public async Task Feed_IsValidAtomInTheAskedLanguage(string culture, string feedTitle)
    {
        var process = await f.ProcessAsync(components: "news");
        var post = await PostAsync(f, process.Id, published: true, title: "Атом <тест> & " + culture);
        var response = await f.Browser().GetAsync($"/processes/{process.Slug}/news.atom?culture={culture}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());

        var feed = doc.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(culture, (string?)feed.Attribute(XNamespace.Xml + "lang"));
        Assert.StartsWith(feedTitle, Single(feed, "title").Value, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString(Single(feed, "id").Value, UriKind.Absolute));
        AssertDate(Single(feed, "updated").Value);
        var links = feed.Elements(Atom + "link").ToList();
        Assert.Contains(links, l => (string?)l.Attribute("rel") == "self" && ((string?)l.Attribute("href"))!.EndsWith($"/processes/{process.Slug}/news.atom?culture={culture}", StringComparison.Ordinal));
        Assert.Contains(links, l => (string?)l.Attribute("rel") == "alternate" && (string?)l.Attribute("type") == "text/html");
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));

        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal("urn:uuid:" + post.Id.ToString("D"), Single(entry, "id").Value);
        Assert.Equal(culture == "en" ? post.Title.En : post.Title.Bg, Single(entry, "title").Value);
        AssertDate(Single(entry, "updated").Value);
        AssertDate(Single(entry, "published").Value);
        Assert.Equal("Автор", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.EndsWith($"/news/{post.Slug}?culture={culture}", (string)Single(entry, "link").Attribute("href")!, StringComparison.Ordinal);
        Assert.Equal(culture == "en" ? "Lead." : "Въведение.", Single(entry, "summary").Value);
        var content = Single(entry, "content");
        Assert.Equal("html", (string?)content.Attribute("type"));
        Assert.Contains("<strong>", content.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(feed.Descendants(), e => e.Name.Namespace != Atom);

        // The page announces its feed in the head.
        var page = await f.Browser(culture).HtmlAsync($"/processes/{process.Slug}/news");
        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\"", page, StringComparison.Ordinal);
        Assert.Contains($"/processes/{process.Slug}/news.atom", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessNews_WithoutNewsComponent_IsNotFound()
    {
        var process = await f.ProcessAsync(components: "events");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/processes/{process.Slug}/news")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync($"/processes/{process.Slug}/news.atom")).StatusCode);
    }

    [Fact]
    public async Task NewsList_QueryCount_DoesNotGrowWithPosts()
    {
        var process = await f.ProcessAsync(components: "news");
        var manager = await f.PersonAsync();
        await f.DbAsync(async db => { db.Add(new ProcessAdministrator { ProcessId = process.Id, UserId = manager.Id, GrantedAt = DateTime.UtcNow }); return await db.SaveChangesAsync(); });
        var anonymous = f.Browser();
        var signedIn = await f.SignedInAsync(manager);
        await PostAsync(f, process.Id, true);
        await PostAsync(f, null, true);

        async Task<(int Anonymous, int SignedIn, int Process)> CountAsync()
        {
            f.Queries.Reset();
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/news")).StatusCode);
            var a = f.Queries.Count;
            f.Queries.Reset();
            Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/news")).StatusCode);
            var s = f.Queries.Count;
            f.Queries.Reset();
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/processes/{process.Slug}/news")).StatusCode);
            return (a, s, f.Queries.Count);
        }

        var before = await CountAsync();
        for (var i = 0; i < 12; i++)
            await PostAsync(f, i % 2 == 0 ? process.Id : null, published: i % 3 != 0);
        var after = await CountAsync();
        Assert.Equal(before, after);
        Assert.True(before.Anonymous <= 3, $"/news took {before.Anonymous} queries");
    }

    [Fact]
    public async Task Demo_FoundingPostIsTheFirstNewsOfTheIccProcess_Idempotent()
    {
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var count = await f.DbAsync(db => db.Set<NewsPost>().CountAsync());
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        Assert.Equal(count, await f.DbAsync(db => db.Set<NewsPost>().CountAsync()));

        var icc = await f.DbAsync(db => db.Set<Process>().SingleAsync(p => p.Slug == ProcessesDemo.IccSlug));
        var first = await f.DbAsync(db => db.Set<NewsPost>().Where(p => p.ProcessId == icc.Id).OrderBy(p => p.PublishedAt).FirstAsync());
        Assert.StartsWith("Проведохме първа среща със заинтересованите страни", first.Title.Bg, StringComparison.Ordinal);
        Assert.StartsWith("We held our first meeting with stakeholders", first.Title.En, StringComparison.Ordinal);
        Assert.StartsWith("Със старта на новата година", first.Lead.Bg, StringComparison.Ordinal);
        Assert.StartsWith("With the start of the new year", first.Lead.En, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2021, 1, 14), DateOnly.FromDateTime(first.PublishedAt!.Value));
        Assert.True(first.Published);

        var html = await f.Browser("en").HtmlAsync($"/processes/{ProcessesDemo.IccSlug}/news");
        Assert.Contains("We held our first meeting with stakeholders", html, StringComparison.Ordinal);
        var page = await f.Browser().HtmlAsync("/news/" + first.Slug);
        Assert.Contains("Иновативна София", page, StringComparison.Ordinal);
    }

    private static XElement Single(XElement parent, string name) => Assert.Single(parent.Elements(Atom + name));

    private static void AssertDate(string value) =>
        Assert.True(DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            && value.EndsWith('Z') && value.Contains('T', StringComparison.Ordinal), $"not an RFC 3339 date: {value}");
}
