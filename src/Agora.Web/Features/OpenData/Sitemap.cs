using System.Text;
using System.Xml;
using Agora.Web.Features.Events;
using Agora.Web.Features.Learning;
using Agora.Web.Features.News;
using Agora.Web.Features.OpenData.Datasets;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.OpenData;

/// <summary>
/// /sitemap.xml (sitemaps.org 0.9) of the public pages, and /robots.txt pointing to it. Every page is listed in
/// Bulgarian (its plain address) and in English (?culture=en), each entry with xhtml:link alternates for both,
/// as search engines expect of multilingual sites. Only what anyone may read is listed; rows are streamed.
/// </summary>
public static class Sitemap
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";
    /// <summary>The protocol's limit per file; two entries (bg, en) per page.</summary>
    private const int MaxUrls = 50_000;

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (PublicLinks links) => Results.Text(
            "User-agent: *\nDisallow: /account/\nDisallow: /admin/\nDisallow: /me/\n\nSitemap: " + links.Absolute("/sitemap.xml") + "\n",
            "text/plain; charset=utf-8"));
        app.MapGet("/sitemap.xml", async (HttpContext http, AgoraDb db, LearningCatalog learning, PublicLinks links, CancellationToken ct) =>
        {
            http.Response.ContentType = "application/xml; charset=utf-8";
            var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = false };
            await using var w = XmlWriter.Create(http.Response.Body, settings);
            await w.WriteStartDocumentAsync();
            await w.WriteStartElementAsync(null, "urlset", Ns);
            await w.WriteAttributeStringAsync("xmlns", "xhtml", null, XhtmlNs);
            var written = 0;
            async Task Page(string path, DateTime? modified)
            {
                if (written + 2 > MaxUrls)
                    return;
                foreach (var lang in new[] { "bg", "en" })
                {
                    await w.WriteStartElementAsync(null, "url", Ns);
                    await w.WriteElementStringAsync(null, "loc", Ns, Url(links, path, lang));
                    if (modified is DateTime m)
                        await w.WriteElementStringAsync(null, "lastmod", Ns, Format.Iso(m));
                    foreach (var alt in new[] { "bg", "en" })
                    {
                        await w.WriteStartElementAsync("xhtml", "link", XhtmlNs);
                        await w.WriteAttributeStringAsync(null, "rel", null, "alternate");
                        await w.WriteAttributeStringAsync(null, "hreflang", null, alt);
                        await w.WriteAttributeStringAsync(null, "href", null, Url(links, path, alt));
                        await w.WriteEndElementAsync();
                    }
                    await w.WriteEndElementAsync();
                    written++;
                }
            }

            foreach (var path in new[] { "/", "/processes", "/events", "/organizations", "/news", "/learn", "/open-data" })
                await Page(path, null);
            await foreach (var p in PublicContent.Processes(db).AsNoTracking().OrderBy(p => p.Slug).Select(p => new { p.Slug, p.UpdatedAt }).AsAsyncEnumerable().WithCancellation(ct))
                await Page("/processes/" + p.Slug, p.UpdatedAt);
            var processes = PublicContent.Processes(db).Select(p => p.Id);
            await foreach (var e in db.Set<Event>().AsNoTracking().Where(e => e.Published && (e.ProcessId == null || processes.Contains(e.ProcessId.Value)))
                .OrderBy(e => e.StartsAt).Select(e => new { e.Id, e.UpdatedAt }).AsAsyncEnumerable().WithCancellation(ct))
                await Page($"/events/{e.Id}", e.UpdatedAt);
            await foreach (var o in db.Set<Organization>().AsNoTracking().Where(o => o.Listed).OrderBy(o => o.Slug)
                .Select(o => new { o.Slug, o.UpdatedAt }).AsAsyncEnumerable().WithCancellation(ct))
                await Page("/organizations/" + o.Slug, o.UpdatedAt);
            await foreach (var n in db.Set<NewsPost>().AsNoTracking().Where(n => n.Published && (n.ProcessId == null || processes.Contains(n.ProcessId.Value)))
                .OrderByDescending(n => n.PublishedAt).Select(n => new { n.Slug, n.UpdatedAt }).AsAsyncEnumerable().WithCancellation(ct))
                await Page("/news/" + n.Slug, n.UpdatedAt);
            await foreach (var p in (from p in PublicContent.Proposals(db).AsNoTracking()
                                     join pr in db.Set<Process>() on p.ProcessId equals pr.Id
                                     orderby p.CreatedAt
                                     select new { pr.Slug, p.Id, p.UpdatedAt }).AsAsyncEnumerable().WithCancellation(ct))
                await Page($"/processes/{p.Slug}/proposals/{p.Id}", p.UpdatedAt);
            await foreach (var d in (from d in PublicContent.Debates(db).AsNoTracking()
                                     join pr in db.Set<Process>() on d.ProcessId equals pr.Id
                                     orderby d.CreatedAt
                                     select new { pr.Slug, d.Id, Modified = d.ClosedAt ?? d.CreatedAt }).AsAsyncEnumerable().WithCancellation(ct))
                await Page($"/processes/{d.Slug}/debates/{d.Id}", d.Modified);
            foreach (var g in await learning.PublishedGuidesAsync(ct))
                await Page(g.Path, g.UpdatedAt);
            foreach (var c in await learning.PublishedCoursesAsync(ct))
                await Page(c.Path, c.UpdatedAt);
            await w.WriteEndElementAsync();
            await w.WriteEndDocumentAsync();
            await w.FlushAsync();
            return Results.Empty;
        });
        return app;
    }

    private static string Url(PublicLinks links, string path, string lang) => links.Absolute(lang == "bg" ? path : path + "?culture=en");
}
