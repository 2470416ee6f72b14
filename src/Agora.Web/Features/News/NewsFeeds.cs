using System.Globalization;
using System.Text;
using System.Xml;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.News;

/// <summary>
/// Atom feeds (RFC 4287) of the news, site-wide and per process, in the language of ?culture= (Bulgarian by
/// default). Feeds carry public posts only, whoever asks: readers fetch them without cookies, and a feed cached
/// somewhere must never hold a draft.
/// </summary>
public static class NewsFeeds
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const int Entries = 30;

    public static IEndpointRouteBuilder MapNewsFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/news.atom", async (NewsAccess news, PublicLinks links, Markdown md, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var posts = await LoadAsync(news.Public(), ct);
            return Write(posts, links, md, l["News.FeedTitle"], "/news", "/news.atom", null);
        });
        app.MapGet("/processes/{slug}/news.atom", async (string slug, AgoraDb db, NewsAccess news, PublicLinks links, Markdown md,
            IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var process = await db.Set<Process>().AsNoTracking().Where(p => p.Slug == slug && p.Published)
                .Select(p => new { p.Id, p.Slug, p.Components, Title = new LocalizedText(p.Title.Bg, p.Title.En), p.PublishedAt })
                .FirstOrDefaultAsync(ct);
            if (process == null || !new Process { Components = process.Components }.Has(NewsSetup.ComponentKey))
                return Results.NotFound();
            var posts = await LoadAsync(news.Public().Where(p => p.ProcessId == process.Id), ct);
            return Write(posts, links, md, $"{l["News.FeedTitle"]} · {process.Title.Current}",
                $"/processes/{process.Slug}/news", $"/processes/{process.Slug}/news.atom", process.PublishedAt);
        });
        return app;
    }

    private sealed record Entry(Guid Id, string Slug, LocalizedText Title, LocalizedText Lead, LocalizedText Body, string AuthorName,
        DateTime Published, DateTime Updated);

    private static Task<List<Entry>> LoadAsync(IQueryable<NewsPost> posts, CancellationToken ct) =>
        posts.AsNoTracking().OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id).Take(Entries)
            .Select(p => new Entry(p.Id, p.Slug, new LocalizedText(p.Title.Bg, p.Title.En), new LocalizedText(p.Lead.Bg, p.Lead.En),
                new LocalizedText(p.Body.Bg, p.Body.En), p.AuthorName, p.PublishedAt ?? p.UpdatedAt, p.UpdatedAt))
            .ToListAsync(ct);

    private static IResult Write(List<Entry> entries, PublicLinks links, Markdown md, string title, string page, string self, DateTime? since)
    {
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Cultures.English : Cultures.Bulgarian;
        string Max(DateTime a, DateTime b) => Format.Iso(a > b ? a : b);
        var updated = entries.Count > 0 ? entries.Max(e => e.Updated > e.Published ? e.Updated : e.Published) : since ?? new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", AtomNamespace);
            w.WriteAttributeString("xml", "lang", "http://www.w3.org/XML/1998/namespace", lang);
            // One feed per language: its id is its page in that language, which never changes.
            w.WriteElementString("id", AtomNamespace, links.Absolute(page + "?culture=" + lang));
            w.WriteElementString("title", AtomNamespace, title);
            w.WriteElementString("updated", AtomNamespace, Format.Iso(updated));
            Link(w, "self", "application/atom+xml", links.Absolute(self + "?culture=" + lang), lang);
            Link(w, "alternate", "text/html", links.Absolute(page + "?culture=" + lang), lang);
            w.WriteStartElement("author", AtomNamespace);
            w.WriteElementString("name", AtomNamespace, lang == Cultures.English ? "Sofia Municipality" : "Столична община");
            w.WriteEndElement();
            foreach (var e in entries)
            {
                w.WriteStartElement("entry", AtomNamespace);
                w.WriteElementString("id", AtomNamespace, "urn:uuid:" + e.Id.ToString("D"));
                w.WriteElementString("title", AtomNamespace, e.Title.Current);
                w.WriteElementString("published", AtomNamespace, Format.Iso(e.Published));
                w.WriteElementString("updated", AtomNamespace, Max(e.Updated, e.Published));
                w.WriteStartElement("author", AtomNamespace);
                w.WriteElementString("name", AtomNamespace, string.IsNullOrWhiteSpace(e.AuthorName) ? "Agora" : e.AuthorName);
                w.WriteEndElement();
                Link(w, "alternate", "text/html", links.Absolute($"/news/{e.Slug}?culture={lang}"), lang);
                if (!string.IsNullOrWhiteSpace(e.Lead.Current))
                    w.WriteElementString("summary", AtomNamespace, e.Lead.Current);
                w.WriteStartElement("content", AtomNamespace);
                w.WriteAttributeString("type", "html");
                w.WriteString(md.ToSafeHtml(e.Body.Current)); // escaped by the writer: type="html" carries HTML as text
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Results.Bytes(stream.ToArray(), ContentType);
    }

    private static void Link(XmlWriter w, string rel, string type, string href, string lang)
    {
        w.WriteStartElement("link", AtomNamespace);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("hreflang", lang);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
