using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// Markdown from people and administrators becomes HTML only through here: Markdig renders, then
/// HtmlSanitizer removes scripts, event handlers and javascript: links.
/// </summary>
public sealed class Markdown
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks().UseEmphasisExtras().UsePipeTables().UseListExtras().DisableHtml().Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown) => new HtmlString(ToSafeHtml(markdown));

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        var html = Markdig.Markdown.ToHtml(markdown, pipeline);
        lock (sanitizer) // HtmlSanitizer's configuration is shared; sanitising is cheap next to rendering.
            return sanitizer.Sanitize(html);
    }

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
