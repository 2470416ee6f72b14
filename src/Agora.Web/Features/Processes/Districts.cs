using System.Globalization;
using Agora.Web.Infrastructure.Text;

namespace Agora.Web.Features.Processes;

/// <summary>A district (район) of Sofia Municipality. The key is its transliterated name, stable in URLs and data.</summary>
public sealed record District(string Key, string Bg, string En)
{
    public string Name => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? En : Bg;
}

/// <summary>The 24 districts of Sofia Municipality (Столична община), in Bulgarian alphabetical order.</summary>
public static class Districts
{
    private static readonly string[] Names =
    [
        "Банкя", "Витоша", "Възраждане", "Връбница", "Изгрев", "Илинден", "Искър", "Красна поляна", "Красно село",
        "Кремиковци", "Лозенец", "Люлин", "Младост", "Надежда", "Нови Искър", "Оборище", "Овча купел", "Панчарево",
        "Подуяне", "Сердика", "Слатина", "Средец", "Студентски", "Триадица",
    ];

    public static IReadOnlyList<District> All { get; } = Names
        .Select(n => new District(Slugs.From(n), n, TitleCase(Slugs.Transliterate(n))))
        .ToArray();

    private static readonly Dictionary<string, District> ByKey = All.ToDictionary(d => d.Key, StringComparer.Ordinal);

    public static District? Find(string? key) => key != null && ByKey.TryGetValue(key, out var d) ? d : null;

    public static bool IsKnown(string? key) => key != null && ByKey.ContainsKey(key);

    /// <summary>The district's name in the reader's language, or the key itself if it is not a district.</summary>
    public static string NameOf(string? key) => Find(key)?.Name ?? key ?? "";

    private static string TitleCase(string s) =>
        string.Join(' ', s.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
