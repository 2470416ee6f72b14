using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace Agora.Web.Features.OpenData;

/// <summary>
/// Embedded schema.org metadata. The encoder keeps Cyrillic readable but always escapes the HTML-sensitive
/// characters (&lt; &gt; &amp; ' "), so no user text can end the script element or open another.
/// </summary>
public static class JsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Serialize(object data) => JsonSerializer.Serialize(data, Options);

    public static IHtmlContent Script(object data) =>
        new HtmlString("<script type=\"application/ld+json\">" + Serialize(data) + "</script>");

    public static Dictionary<string, object?> Municipality(string lang) => new()
    {
        ["@type"] = "GovernmentOrganization",
        ["name"] = lang == "en" ? "Sofia Municipality" : "Столична община",
        ["url"] = "https://www.sofia.bg",
    };
}
