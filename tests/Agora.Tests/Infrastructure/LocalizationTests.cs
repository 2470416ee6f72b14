using System.Collections;
using System.Globalization;
using System.Net;
using System.Resources;
using Agora.Web.Infrastructure.Localization;

namespace Agora.Tests.Infrastructure;

public sealed class LocalizationTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static Dictionary<string, string> Strings(CultureInfo culture)
    {
        var rm = new ResourceManager("Agora.Web.Resources.SharedResource", typeof(Program).Assembly);
        var set = rm.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Fact]
    public void Resources_EveryKey_ExistsInBulgarianAndEnglish()
    {
        var bg = Strings(CultureInfo.InvariantCulture);
        var en = Strings(CultureInfo.GetCultureInfo("en"));
        Assert.True(bg.Count > 100);
        Assert.Empty(bg.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(bg.Keys));
        Assert.Empty(bg.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(en.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
    }

    [Fact]
    public void Resources_Placeholders_MatchBetweenLanguages()
    {
        var bg = Strings(CultureInfo.InvariantCulture);
        var en = Strings(CultureInfo.GetCultureInfo("en"));
        static string Holes(string s) => string.Join(",", System.Text.RegularExpressions.Regex.Matches(s, @"\{\d\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(bg.Where(kv => Holes(kv.Value) != Holes(en[kv.Key])).Select(kv => kv.Key));
    }

    [Fact]
    public async Task Home_NoPreference_IsBulgarian()
    {
        var client = f.CreateClient();
        var html = await client.HtmlAsync("/");
        Assert.Contains("<html lang=\"bg\">", html, StringComparison.Ordinal);
        Assert.Contains("Към основното съдържание", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_AcceptLanguageEnglish_IsEnglish()
    {
        var html = await f.Browser("en").HtmlAsync("/");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Skip to main content", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureQuery_Chosen_PersistsInCookieAndKeepsThePage()
    {
        var client = f.Browser("bg");
        var first = await client.HtmlAsync("/about?culture=en");
        Assert.Contains("<html lang=\"en\">", first, StringComparison.Ordinal);
        // The switch back to Bulgarian points at the same page.
        Assert.Contains("href=\"/about?culture=bg\"", first, StringComparison.Ordinal);
        var later = await client.HtmlAsync("/account/login");
        Assert.Contains("<html lang=\"en\">", later, StringComparison.Ordinal);
        Assert.Contains("Sign in", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUrl_InEnglish_Gives404PageInEnglish()
    {
        var response = await f.Browser("en").GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegalPages_BothLanguages_HaveTheirText()
    {
        foreach (var (path, bg, en) in new[] { ("/accessibility", "достъпност", "ccessibility"), ("/privacy", "поверителност", "rivacy"), ("/terms", "условия", "erms") })
        {
            var bgHtml = await f.Browser("bg").HtmlAsync(path);
            var enHtml = await f.Browser("en").HtmlAsync(path);
            Assert.Contains(bg, bgHtml, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(en, enHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("{{LastReview}}", bgHtml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Eur_Bulgarian_UsesEuroNotLevaWithNoBreakSpace()
    {
        var text = Format.Eur(123456789, Cultures.Bg);
        Assert.Equal("1\u00A0234\u00A0567,89\u00A0€", text.Replace('\u202F', '\u00A0'));
        Assert.DoesNotContain("лв", text, StringComparison.Ordinal);
        Assert.Equal("€1,234,567.89", Format.Eur(123456789, Cultures.En));
        Assert.Equal("€50", Format.Eur(5000, Cultures.En));
    }

    [Fact]
    public void Dates_ShownInSofiaTime_AcrossDaylightSaving()
    {
        // 14 January 2021 09:00 UTC is 11:00 in Sofia (EET, UTC+2); 1 July 2026 09:00 UTC is 12:00 (EEST, UTC+3).
        Assert.Contains("11:00", Format.DateAndTime(new DateTime(2021, 1, 14, 9, 0, 0, DateTimeKind.Utc), Cultures.Bg), StringComparison.Ordinal);
        Assert.Contains("12:00", Format.DateAndTime(new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc), Cultures.En), StringComparison.Ordinal);
        Assert.Contains("януари 2021", Format.Date(new DateTime(2021, 1, 14, 9, 0, 0, DateTimeKind.Utc), Cultures.Bg), StringComparison.Ordinal);
    }
}
