using System.Globalization;
using System.Text;

namespace Agora.Web.Infrastructure.Text;

/// <summary>
/// URL slugs by the Bulgarian Transliteration Act (2009): "щ" is "sht", "ъ" is "a", and "ия" ending a word is "ia"
/// (София → sofia). Generic slug libraries follow Russian rules and get these wrong.
/// </summary>
public static class Slugs
{
    private const string Cyrillic = "абвгдежзийклмнопрстуфхцчшщъьюяёыэіїєѝ";

    // Letters after "я" belong to neighbouring alphabets and turn up in names; they get the closest Bulgarian reading.
    private static readonly string[] Latin =
    [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h",
        "ts", "ch", "sh", "sht", "a", "y", "yu", "ya", "yo", "y", "e", "i", "yi", "ye", "i",
    ];

    private static readonly Dictionary<char, string> Letters =
        Cyrillic.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => Latin[x.i]);

    /// <summary>Transliterates Bulgarian Cyrillic to Latin by the 2009 Act, keeping everything else as it is.</summary>
    public static string Transliterate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            // "ия" at the end of a word is "ia", not "iya".
            if (lower == 'и' && i + 1 < text.Length && char.ToLowerInvariant(text[i + 1]) == 'я'
                && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
            {
                sb.Append(char.IsUpper(c) ? (char.IsUpper(text[i + 1]) ? "IA" : "Ia") : "ia");
                i++;
                continue;
            }
            if (Letters.TryGetValue(lower, out var latin))
            {
                if (char.IsUpper(c))
                {
                    // Whole-word capitals stay capitals (ЩИТ → SHTIT); a capital first letter capitalises once (Щит → Shtit).
                    var nextUpper = i + 1 < text.Length && char.IsUpper(text[i + 1]);
                    sb.Append(nextUpper ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..]);
                }
                else
                {
                    sb.Append(latin);
                }
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A lowercase ASCII slug: transliterated, accents dropped, anything else collapsed to single hyphens.</summary>
    public static string From(string text, int maxLength = 80)
    {
        var latin = Transliterate(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(latin.Length);
        var hyphen = false;
        foreach (var c in latin)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var l = char.ToLowerInvariant(c);
            if (l is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (hyphen && sb.Length > 0)
                    sb.Append('-');
                sb.Append(l);
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }
        var slug = sb.ToString();
        if (slug.Length > maxLength)
        {
            slug = slug[..maxLength];
            var cut = slug.LastIndexOf('-');
            if (cut > maxLength / 2)
                slug = slug[..cut];
            slug = slug.TrimEnd('-');
        }
        return slug;
    }

    /// <summary>
    /// A slug not yet taken: the base, then base-2, base-3 …; <paramref name="taken"/> answers whether one is in use.
    /// The unique index on the slug column remains the guard against two simultaneous creations.
    /// </summary>
    public static async Task<string> UniqueAsync(string text, Func<string, Task<bool>> taken, string fallback = "item")
    {
        ArgumentNullException.ThrowIfNull(taken);
        var baseSlug = From(text);
        if (baseSlug.Length == 0)
            baseSlug = fallback;
        var slug = baseSlug;
        for (var n = 2; await taken(slug); n++)
            slug = $"{baseSlug}-{n}";
        return slug;
    }

    /// <summary>Whether a hand-typed slug is well formed (lowercase ASCII letters, digits, single inner hyphens).</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 200 && From(slug, 200) == slug;
}
