namespace Agora.Web.Infrastructure.Web;

/// <summary>A Markdown file shipped with the app: first line "# Title", then the body.</summary>
public sealed record ContentFile(string Title, string Body);

/// <summary>Reads the Markdown shipped under Content/ (legal texts, the welcome page, the founding document).</summary>
public sealed class ContentFiles(IWebHostEnvironment env)
{
    private readonly Dictionary<string, ContentFile> cache = [];

    public ContentFile Read(string relativePath)
    {
        lock (cache)
        {
            if (cache.TryGetValue(relativePath, out var hit))
                return hit;
        }
        var path = Path.Combine(AppContext.BaseDirectory, "Content", relativePath);
        if (!File.Exists(path))
            path = Path.Combine(env.ContentRootPath, "Content", relativePath);
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var title = "";
        if (text.StartsWith("# ", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            title = (end < 0 ? text[2..] : text[2..end]).Trim();
            text = end < 0 ? "" : text[(end + 1)..];
        }
        var file = new ContentFile(title, text.Trim());
        lock (cache)
            cache[relativePath] = file;
        return file;
    }

    /// <summary>The file in the reader's language: name.bg.md or name.en.md.</summary>
    public ContentFile ReadLocalized(string folder, string name, string culture) =>
        Read($"{folder}/{name}.{(culture == "en" ? "en" : "bg")}.md");
}
