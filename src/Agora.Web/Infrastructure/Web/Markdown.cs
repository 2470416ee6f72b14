using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// Markdown from people and administrators becomes HTML only through here: Markdig renders, then
/// HtmlSanitizer removes scripts, event handlers and javascript: links.
/// </summary>
public sealed class Markdown : IDisposable
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks().UseEmphasisExtras().UsePipeTables().UseListExtras().DisableHtml().Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>
    /// Rendered texts by their Markdown. Sanitising parses the HTML into a DOM and runs under a lock, so a page with a
    /// few hundred comments spent most of its time here (issue 12's benchmark); the same text always renders the same,
    /// and an edited text is a new key, so nothing needs evicting by hand. Bounded by characters held.
    /// </summary>
    private readonly MemoryCache rendered = new(new MemoryCacheOptions { SizeLimit = 8_000_000 });

    public IHtmlContent Render(string? markdown) => new HtmlString(ToSafeHtml(markdown));

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        if (rendered.TryGetValue(markdown, out string? cached) && cached != null)
            return cached;
        var html = Markdig.Markdown.ToHtml(markdown, pipeline);
        string safe;
        lock (sanitizer) // HtmlSanitizer's configuration is shared
            safe = sanitizer.Sanitize(html);
        rendered.Set(markdown, safe, new MemoryCacheEntryOptions { Size = markdown.Length + safe.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return safe;
    }

    public void Dispose() => rendered.Dispose();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("mailto");
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("img"); // no external requests from user content; images come through uploads
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
                a.SetAttribute("rel", "nofollow noopener");
        };
        return s;
    }
}
