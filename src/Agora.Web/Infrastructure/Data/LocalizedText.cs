using System.Globalization;

namespace Agora.Web.Infrastructure.Data;

/// <summary>
/// Text an administrator writes in both languages. Stored as two columns (an EF complex type),
/// so lists can select the reader's language without joins.
/// </summary>
public sealed class LocalizedText
{
    public string Bg { get; set; } = "";
    public string En { get; set; } = "";

    public LocalizedText() { }

    public LocalizedText(string bg, string en)
    {
        Bg = bg;
        En = en;
    }

    /// <summary>The text in the given culture; falls back to Bulgarian, the platform's first language.</summary>
    public string In(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(En) ? En : Bg;

    public string Current => In(CultureInfo.CurrentUICulture);

    public override string ToString() => Current;
}
