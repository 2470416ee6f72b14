using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

public static class LocalizedTextMapping
{
    /// <summary>Maps a <see cref="LocalizedText"/> property to two columns, <c>{name}Bg</c> and <c>{name}En</c>.</summary>
    public static EntityTypeBuilder<T> Localized<T>(this EntityTypeBuilder<T> builder,
        Expression<Func<T, LocalizedText?>> property, int? maxLength = null) where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(property);
        var name = ((MemberExpression)property.Body).Member.Name;
        builder.ComplexProperty(property, t =>
        {
            var bg = t.Property(x => x.Bg).HasColumnName(name + "Bg");
            var en = t.Property(x => x.En).HasColumnName(name + "En");
            if (maxLength is int max)
            {
                bg.HasMaxLength(max);
                en.HasMaxLength(max);
            }
        });
        return builder;
    }
}

/// <summary>A projected pair of texts (from a list query) that picks the reader's language like <see cref="LocalizedText"/>.</summary>
public readonly record struct LocalizedTextView(string Bg, string En)
{
    public string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(En) ? En : Bg;

    public override string ToString() => Current;
}
