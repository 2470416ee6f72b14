using System.Text.RegularExpressions;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>Mentions of organisations in comments: "@slug" of a listed organisation becomes a link to it.</summary>
public static partial class Mentions
{
    // Not after a letter, digit or "@", so e-mail addresses stay as they are.
    [GeneratedRegex(@"(?<![\p{L}\p{N}@./])@([a-z0-9][a-z0-9-]{1,98})", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static IEnumerable<string> SlugsIn(string text) => Pattern().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Names of the listed organisations mentioned in the texts, by slug; one query, none when nobody is mentioned.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FindAsync(AgoraDb db, IEnumerable<string> texts, CancellationToken ct)
    {
        var slugs = texts.SelectMany(SlugsIn).Distinct(StringComparer.Ordinal).Take(200).ToList();
        if (slugs.Count == 0)
            return new Dictionary<string, string>();
        var rows = await db.Set<Organization>().AsNoTracking().Where(o => o.Listed && slugs.Contains(o.Slug))
            .Select(o => new { o.Slug, o.Name }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Slug, r => r.Name.Current, StringComparer.Ordinal);
    }

    /// <summary>Markdown with known mentions turned into links; the result still goes through the sanitiser.</summary>
    public static string Link(string markdown, IReadOnlyDictionary<string, string> known) =>
        known.Count == 0 ? markdown : Pattern().Replace(markdown, m =>
            known.TryGetValue(m.Groups[1].Value, out var name)
                ? $"[@{name.Replace("]", "", StringComparison.Ordinal).Replace("[", "", StringComparison.Ordinal)}](/organizations/{m.Groups[1].Value})"
                : m.Value);
}
