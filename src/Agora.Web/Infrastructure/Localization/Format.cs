using System.Globalization;

namespace Agora.Web.Infrastructure.Localization;

/// <summary>How times and money read to a person. Machine formats (CSV, JSON, iCalendar) use the invariant culture instead.</summary>
public static class Format
{
    public static readonly TimeZoneInfo Sofia = TimeZoneInfo.FindSystemTimeZoneById("Europe/Sofia");

    public static DateTime ToSofia(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Sofia);

    /// <summary>A wall-clock time typed by someone in Sofia, as UTC for the database.</summary>
    public static DateTime FromSofia(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Sofia);

    public static string Date(DateTime utc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return ToSofia(utc).ToString(IsEnglish(culture) ? "d MMMM yyyy" : "d MMMM yyyy 'г.'", culture);
    }

    public static string DateAndTime(DateTime utc, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return ToSofia(utc).ToString(IsEnglish(culture) ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy 'г.', HH:mm 'ч.'", culture);
    }

    /// <summary>A calendar day (no time of day), e.g. a process's first day.</summary>
    public static string Day(DateOnly day, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return day.ToString(IsEnglish(culture) ? "d MMMM yyyy" : "d MMMM yyyy 'г.'", culture);
    }

    public static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC, for `datetime` attributes and machine formats.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// EUR from whole cents. Bulgaria adopted the euro on 1 January 2026, but .NET's bg culture still
    /// prints "лв.", so the currency is never taken from the culture: only the digits and separators are.
    /// </summary>
    public static string Eur(long cents, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var amount = cents / 100m;
        var digits = amount.ToString(cents % 100 == 0 ? "N0" : "N2", culture.NumberFormat);
        return IsEnglish(culture) ? "€" + digits : digits + "\u00A0€";
    }

    public static string Number(long value, CultureInfo? culture = null) =>
        value.ToString("N0", culture ?? CultureInfo.CurrentCulture);

    private static bool IsEnglish(CultureInfo c) => c.TwoLetterISOLanguageName == "en";
}
