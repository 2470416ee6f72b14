using System.Globalization;
using System.Text;
using System.Xml;
using Agora.Web.Infrastructure.Localization;

namespace Agora.Web.Features.OpenData;

/// <summary>One entry of an Atom feed, already in the reader's language; <see cref="Html"/> is sanitised HTML.</summary>
public sealed record AtomEntry(string Id, string Title, string Link, DateTime Published, DateTime Updated, string? Summary, string? Html);

/// <summary>
/// Writes an Atom 1.0 feed (RFC 4287) in one language: the feed's id is its page in that language, the author is
/// the municipality (entries carry no personal names), content is sanitised HTML escaped as text.
/// </summary>
public static class AtomFeed
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IResult Write(string title, string pageUrl, string selfUrl, IReadOnlyList<AtomEntry> entries, DateTime emptyUpdated)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? Cultures.English : Cultures.Bulgarian;
        var updated = entries.Count > 0 ? entries.Max(e => e.Updated > e.Published ? e.Updated : e.Published) : emptyUpdated;
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", Namespace);
            w.WriteAttributeString("xml", "lang", "http://www.w3.org/XML/1998/namespace", lang);
            w.WriteElementString("id", Namespace, pageUrl);
            w.WriteElementString("title", Namespace, title);
            w.WriteElementString("updated", Namespace, Format.Iso(updated));
            Link(w, "self", "application/atom+xml", selfUrl);
            Link(w, "alternate", "text/html", pageUrl);
            w.WriteStartElement("author", Namespace);
            w.WriteElementString("name", Namespace, lang == Cultures.English ? "Sofia Municipality" : "Столична община");
            w.WriteEndElement();
            foreach (var e in entries)
            {
                w.WriteStartElement("entry", Namespace);
                w.WriteElementString("id", Namespace, e.Id);
                w.WriteElementString("title", Namespace, e.Title);
                w.WriteElementString("published", Namespace, Format.Iso(e.Published));
                w.WriteElementString("updated", Namespace, Format.Iso(e.Updated > e.Published ? e.Updated : e.Published));
                Link(w, "alternate", "text/html", e.Link);
                if (!string.IsNullOrWhiteSpace(e.Summary))
                    w.WriteElementString("summary", Namespace, e.Summary);
                if (e.Html != null)
                {
                    w.WriteStartElement("content", Namespace);
                    w.WriteAttributeString("type", "html");
                    w.WriteString(e.Html);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return Results.Bytes(stream.ToArray(), ContentType);
    }

    private static void Link(XmlWriter w, string rel, string type, string href)
    {
        w.WriteStartElement("link", Namespace);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
