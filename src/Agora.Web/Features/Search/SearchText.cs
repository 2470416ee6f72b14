using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Agora.Web.Infrastructure.Text;

namespace Agora.Web.Features.Search;

/// <summary>
/// Script folding so that Cyrillic and Latin spellings meet: text is transliterated by the 2009 Act and then
/// reduced to a skeleton that also absorbs the informal ways Bulgarians type in Latin ("4" for ч, "6" for ш,
/// "w" for в, "q" for я, "x" for х, "c" for ц …). Index and query go through the same <see cref="Fold"/>.
/// </summary>
public static partial class SearchText
{
    /// <summary>Lowercase Latin skeleton of the text: both "улиците" and "ulitsite"/"ulicite" become "ulicite".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var latin = Slugs.Transliterate(text.ToLowerInvariant()).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(latin.Length);
        for (var i = 0; i < latin.Length; i++)
        {
            var c = latin[i];
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            // A digit stands for a letter only next to letters ("4ast" is "chast", "2024" stays).
            var inWord = (i > 0 && char.IsLetter(latin[i - 1])) || (i + 1 < latin.Length && char.IsLetter(latin[i + 1]));
            sb.Append(c switch
            {
                '4' when inWord => "ch",
                '6' when inWord => "sh",
                'w' => "v",
                'q' => "ya",
                'x' => "h",
                'j' => "zh",
                _ => c.ToString(),
            });
        }
        // Digraph variants, longest first: "sht"/"st" stay apart; ц as "ts", "tz" or "c"; я/ю/й written with "y", "i" or "j".
        var s = sb.ToString()
            .Replace("tz", "c", StringComparison.Ordinal)
            .Replace("ts", "c", StringComparison.Ordinal)
            .Replace("iya", "ia", StringComparison.Ordinal)
            .Replace("ya", "ia", StringComparison.Ordinal)
            .Replace("yu", "iu", StringComparison.Ordinal)
            .Replace('y', 'i');
        return s;
    }

    private static readonly (string Latin, string Cyrillic)[] ToCyrillicPairs =
    [
        ("sht", "щ"), ("zh", "ж"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"), ("yu", "ю"), ("ya", "я"), ("a", "а"), ("b", "б"),
        ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "й"), ("j", "ж"), ("k", "к"),
        ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
        ("h", "х"), ("x", "х"), ("c", "ц"), ("q", "я"), ("4", "ч"), ("6", "ш"),
    ];

    /// <summary>Reads a Latin word as Bulgarian (reverse of the Act, plus informal spellings), so that the Bulgarian
    /// stemmer can match other forms of the word: "ulitsite" → "улиците", "sofia" → "софия".</summary>
    public static string ToCyrillic(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        if (w.EndsWith("ia", StringComparison.Ordinal))
            w = w[..^2] + "iя";
        var sb = new StringBuilder(w.Length);
        for (var i = 0; i < w.Length;)
        {
            var matched = false;
            foreach (var (latin, cyr) in ToCyrillicPairs)
            {
                if (string.CompareOrdinal(w, i, latin, 0, latin.Length) == 0)
                {
                    sb.Append(cyr);
                    i += latin.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched)
                sb.Append(w[i++]);
        }
        return sb.ToString();
    }

    public static bool HasCyrillic(string s) => s.Any(c => c is >= '\u0400' and <= '\u04FF');

    public static bool HasLatin(string s) => s.Any(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');

    /// <summary>Markdown to roughly plain text for indexing and snippets: markup characters and link targets go.</summary>
    public static string Plain(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var s = LinkTarget().Replace(markdown, "$1");
        s = Markup().Replace(s, " ");
        return Spaces().Replace(s, " ").Trim();
    }

    /// <summary>The words of a query: letters and digits only, so no query syntax ever reaches Lucene.</summary>
    public static IReadOnlyList<string> Words(string query, int maxWords = 12)
    {
        ArgumentNullException.ThrowIfNull(query);
        return WordPattern().Matches(query).Select(m => m.Value.ToLowerInvariant()).Take(maxWords).ToList();
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"[#*_>`|~\[\]]+")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
