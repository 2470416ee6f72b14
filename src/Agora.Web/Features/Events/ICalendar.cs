using System.Globalization;
using System.Text;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Localization;

namespace Agora.Web.Features.Events;

/// <summary>What a calendar entry needs of an event, already in the reader's language.</summary>
public sealed record CalendarEntry(
    Guid Id, string Summary, string Description, string Location, string Url,
    DateTime StartsAt, DateTime EndsAt, DateTime UpdatedAt, int Sequence);

/// <summary>
/// A small RFC 5545 writer: one VCALENDAR with the Europe/Sofia VTIMEZONE and a VEVENT per event. Lines end in
/// CRLF and are folded at 75 octets without splitting a UTF-8 character; text values are escaped.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<CalendarEntry> entries, string host, DateTime stamp, string name)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);

        Line("BEGIN:VCALENDAR");
        Line("PRODID:-//Sofia Municipality//Agora//BG");
        Line("VERSION:2.0");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
        Line("X-WR-TIMEZONE:Europe/Sofia");
        // EU rules since 1996: summer time from the last Sunday of March 03:00 to the last Sunday of October 04:00.
        Line("BEGIN:VTIMEZONE");
        Line("TZID:Europe/Sofia");
        Line("BEGIN:DAYLIGHT");
        Line("TZOFFSETFROM:+0200");
        Line("TZOFFSETTO:+0300");
        Line("TZNAME:EEST");
        Line("DTSTART:19970330T030000");
        Line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        Line("END:DAYLIGHT");
        Line("BEGIN:STANDARD");
        Line("TZOFFSETFROM:+0300");
        Line("TZOFFSETTO:+0200");
        Line("TZNAME:EET");
        Line("DTSTART:19971026T040000");
        Line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        Line("END:STANDARD");
        Line("END:VTIMEZONE");
        foreach (var e in entries)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{e.Id:D}@{host}");
            Line("DTSTAMP:" + Utc(stamp));
            Line("LAST-MODIFIED:" + Utc(e.UpdatedAt));
            Line("DTSTART;TZID=Europe/Sofia:" + Local(e.StartsAt));
            Line("DTEND;TZID=Europe/Sofia:" + Local(e.EndsAt));
            Line("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Description))
                Line("DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrWhiteSpace(e.Location))
                Line("LOCATION:" + Escape(e.Location));
            Line("URL:" + e.Url);
            Line("STATUS:CONFIRMED");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    public static byte[] Bytes(string calendar) => new UTF8Encoding(false).GetBytes(calendar);

    private static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc) => Format.ToSofia(utc).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped; other controls dropped.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',': sb.Append(@"\,"); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                        i++;
                    sb.Append(@"\n");
                    break;
                case '\n': sb.Append(@"\n"); break;
                default:
                    if (c == '\t' || !char.IsControl(c))
                        sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends one content line, folded so that no physical line exceeds 75 octets (CRLF not counted);
    /// continuation lines start with a space. Whole characters only: a UTF-8 sequence is never split.</summary>
    public static void Fold(StringBuilder sb, string line)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(line);
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }

    /// <summary>The location line of an event: venue, address and district, or "Online".</summary>
    public static string LocationOf(Event e, string online)
    {
        ArgumentNullException.ThrowIfNull(e);
        var parts = new List<string>();
        if (e.Format != EventFormat.Online)
        {
            if (!string.IsNullOrWhiteSpace(e.Venue)) parts.Add(e.Venue);
            if (!string.IsNullOrWhiteSpace(e.Address)) parts.Add(e.Address);
            if (Districts.Find(e.District) is { } d) parts.Add(d.Name);
        }
        if (e.Format != EventFormat.InPerson)
            parts.Add(online);
        return string.Join(", ", parts);
    }
}
