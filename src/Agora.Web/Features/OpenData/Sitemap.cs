using System.Text;
using System.Xml;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Web;

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
        app.MapGet("/sitemap.xml", async (HttpContext http, IEnumerable<ISitemapSource> sources, PublicLinks links, CancellationToken ct) =>
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
            // Each module lists its own public pages (ISitemapSource), by its own definition of public.
            foreach (var source in sources.OrderBy(x => x.Order))
            {
                await foreach (var page in source.PagesAsync(ct).WithCancellation(ct))
                    await Page(page.Path, page.Modified);
            }
            await w.WriteEndElementAsync();
            await w.WriteEndDocumentAsync();
            await w.FlushAsync();
            return Results.Empty;
        });
        return app;
    }

    private static string Url(PublicLinks links, string path, string lang) => links.Absolute(lang == "bg" ? path : path + "?culture=en");
}
