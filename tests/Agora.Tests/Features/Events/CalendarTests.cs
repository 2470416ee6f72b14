using System.Text;
using Agora.Web.Features.Events;

namespace Agora.Tests.Features.Events;

/// <summary>A strict reading of RFC 5545: what a picky calendar client would refuse, these tests refuse.</summary>
public sealed class CalendarTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>Checks the physical format and returns the unfolded content lines.</summary>
    public static List<string> ParseStrict(byte[] bytes)
    {
        var text = new UTF8Encoding(false, true).GetString(bytes); // throws on invalid UTF-8
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                Assert.True(i > 0 && text[i - 1] == '\r', $"bare LF at {i}");
            if (text[i] == '\r')
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"bare CR at {i}");
        }
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}");
        var lines = new List<string>();
        foreach (var line in physical)
        {
            Assert.NotEqual("", line);
            if (line[0] is ' ' or '\t')
            {
                Assert.NotEmpty(lines);
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }
        var stack = new Stack<string>();
        var props = new Dictionary<string, HashSet<string>>();
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"no name: {line}");
            var name = line[..colon].Split(';')[0];
            Assert.Matches("^[A-Z][A-Z0-9-]*$", name);
            var value = line[(colon + 1)..];
            if (name == "BEGIN")
            {
                stack.Push(value);
                props[value] = [];
            }
            else if (name == "END")
            {
                Assert.Equal(stack.Pop(), value);
            }
            else
            {
                Assert.NotEmpty(stack);
                props[stack.Peek()].Add(name);
            }
        }
        Assert.Empty(stack);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Superset(new HashSet<string> { "PRODID", "VERSION", "CALSCALE", "METHOD" }, props["VCALENDAR"]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("TZID:Europe/Sofia", lines);
        if (props.TryGetValue("VEVENT", out var ev))
            Assert.Superset(new HashSet<string> { "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE", "URL" }, ev);
        return lines;
    }

    public static string Unescape(string value) => value
        .Replace(@"\n", "\n", StringComparison.Ordinal).Replace(@"\N", "\n", StringComparison.Ordinal)
        .Replace(@"\,", ",", StringComparison.Ordinal).Replace(@"\;", ";", StringComparison.Ordinal)
        .Replace(@"\\", "\\", StringComparison.Ordinal);

    [Fact]
    public async Task EventIcs_LongCyrillicTextWithSpecialCharacters_IsStrictRfc5545()
    {
        var title = "Работна среща за оценка на нуждите; електронно управление, гражданско участие \\ София — 2027 г. 🎉 и още текст";
        var description = "Първи ред, с запетая;\nвтори ред с „кавички“ и дълъг текст, който със сигурност ще трябва да се пренесе на няколко реда в календара.";
        var ev = await f.EventAsync(title: title, description: description, startsAt: new DateTime(2027, 7, 15, 7, 0, 0, DateTimeKind.Utc));
        var response = await f.Browser().GetAsync($"/events/{ev.Id}.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var lines = ParseStrict(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(title, Unescape(lines.Single(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal))["SUMMARY:".Length..]));
        Assert.Equal(description, Unescape(lines.Single(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal))["DESCRIPTION:".Length..]));
        Assert.Contains("DTSTART;TZID=Europe/Sofia:20270715T100000", lines); // summer: UTC+3
        Assert.Contains("DTEND;TZID=Europe/Sofia:20270715T120000", lines);
        Assert.Contains(lines, l => l.StartsWith($"UID:{ev.Id:D}@", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal) && l.EndsWith('Z'));
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", lines);
        Assert.Contains("TZNAME:EET", lines);
        Assert.Contains("TZNAME:EEST", lines);
    }

    [Fact]
    public async Task Feed_WithSeveralEvents_IsStrictRfc5545()
    {
        await f.EventAsync(startsAt: new DateTime(2027, 1, 15, 8, 0, 0, DateTimeKind.Utc));
        await f.EventAsync(format: EventFormat.Online);
        var response = await f.Browser().GetAsync("/events.ics");
        var lines = ParseStrict(await response.Content.ReadAsByteArrayAsync());
        Assert.True(lines.Count(l => l == "BEGIN:VEVENT") >= 2);
        Assert.Contains("DTSTART;TZID=Europe/Sofia:20270115T100000", lines); // winter: UTC+2
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Fold_MultiByteCharactersAtTheBoundary_AreNeverSplit(int prefix)
    {
        // Shift the text so that 2-, 3- and 4-byte characters fall on every possible fold position.
        var line = "SUMMARY:" + new string('x', prefix) + string.Concat(Enumerable.Repeat("жд€😀", 40));
        var sb = new StringBuilder();
        ICalendar.Fold(sb, line);
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var physical = sb.ToString()[..^2].Split("\r\n");
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75));
        Assert.Equal(line, string.Concat(physical.Select((p, i) => i == 0 ? p : p[1..])));
        _ = new UTF8Encoding(false, true).GetString(bytes);
    }

    [Fact]
    public void Escape_SpecialCharacters_FollowRfc5545()
    {
        Assert.Equal(@"a\\b\;c\,d\ne\nf", ICalendar.Escape("a\\b;c,d\r\ne\nf"));
    }
}
