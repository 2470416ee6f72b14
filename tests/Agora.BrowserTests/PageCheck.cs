using System.Diagnostics;
using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Agora.BrowserTests;

/// <summary>
/// What every page of every journey goes through: axe for WCAG 2.0/2.1 A and AA (zero violations allowed),
/// screenshots at 1280 and 375 pixels wide, and a line in the evidence summary (violations, time to load).
/// </summary>
public static class PageCheck
{
    private static readonly Lock SummaryLock = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> PageNumbers = new();
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Screenshots for people to look at, on by default; AGORA_SCREENSHOTS=0 leaves them out where no one
    /// keeps them (.ci/run on a throwaway machine), which saves two full-page renders per page.</summary>
    private static bool Screenshots { get; } = Environment.GetEnvironmentVariable("AGORA_SCREENSHOTS") != "0";

    /// <summary>axe on every page, on by default. It checks markup and styles, which do not depend on the database, so
    /// .ci/run sets AGORA_AXE=0 for the second run of the journeys (on PostgreSQL), where they check behaviour.</summary>
    private static bool Axe { get; } = Environment.GetEnvironmentVariable("AGORA_AXE") != "0";

    /// <summary>The page shapes axe has checked in this run (see <see cref="ShapeAsync"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Checked = new();

    // axe runs as a script in the page: in a context with JavaScript off it cannot, and the same pages are
    // checked by the journeys that run with it on.

    /// <summary>Navigates and checks the page; returns the response status.</summary>
    public static async Task<int> GoAsync(this IPage page, string journey, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        var watch = Stopwatch.StartNew();
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        watch.Stop();
        await page.AuditAsync(journey, watch.Elapsed);
        return response?.Status ?? 0;
    }

    /// <summary>Checks the page now showing (e.g. after a form post that re-rendered with errors).</summary>
    public static async Task AuditAsync(this IPage page, string journey, TimeSpan? loadTime = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var url = new Uri(page.Url);
        var name = Slug(url.PathAndQuery);
        var folder = Path.Combine(BrowserApp.EvidenceDirectory, Slug(journey));
        Directory.CreateDirectory(folder);
        var n = PageNumbers.AddOrUpdate(folder, 1, (_, last) => last + 1);
        var stem = Path.Combine(folder, $"{n:00}-{name}");

        var violations = new List<string>();
        var again = false;
        if (Axe && !BrowserApp.IsScriptless(page.Context) && !(again = !Checked.TryAdd(await ShapeAsync(page, url), 0)))
        {
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
                // Only violations come back in full: the passes' node lists are most of axe's result on a long page.
                ResultTypes = [ResultType.Violations],
            });
            violations.AddRange(result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(node => node.Html).Take(3))}"));
        }

        if (Screenshots)
        {
            var (width, height) = page.ViewportSize is { } vp ? (vp.Width, vp.Height) : (1280, 900);
            // JPEG: a fraction of PNG's encoding time and size for full-page shots, and plenty to read a page by.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + "-1280.jpg", FullPage = true, Quality = 80 });
            await page.SetViewportSizeAsync(375, 800);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + "-375.jpg", FullPage = true, Quality = 80 });
            await page.SetViewportSizeAsync(width, height);
        }

        lock (SummaryLock)
        {
            File.AppendAllText(Path.Combine(BrowserApp.EvidenceDirectory, "summary.md"), string.Create(CultureInfo.InvariantCulture,
                $"| {journey} | {url.PathAndQuery} | {(again ? "checked before" : violations.Count)} | {(loadTime is { } t ? $"{t.TotalMilliseconds:F0} ms" : "—")} |\n"));
        }
        Assert.True(violations.Count == 0, $"Accessibility violations on {url.PathAndQuery}:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// What axe's verdict on a page depends on, so that a page met again in the same shape (the proposal page after each
    /// act of a journey, the home page at the start of each) is checked once per run: the address with its ids taken
    /// out, the language, and the set of element kinds on the page — tag, classes, role, type, hidden and invalid
    /// states — without their number. A new kind of element (an error summary, a notice, a badge) makes a new shape.
    /// </summary>
    private static async Task<string> ShapeAsync(IPage page, Uri url)
    {
        var kinds = await page.EvaluateAsync<string>("""
            () => {
              const kinds = new Set();
              for (const e of document.querySelectorAll('body *')) {
                let k = e.tagName;
                if (e.classList.length) k += '.' + [...e.classList].sort().join('.');
                for (const a of ['role', 'type', 'aria-invalid', 'aria-current', 'aria-expanded', 'hidden', 'disabled'])
                  if (e.hasAttribute(a)) k += `[${a}=${e.getAttribute(a)}]`;
                kinds.add(k);
              }
              return document.documentElement.lang + '\n' + [...kinds].sort().join('|');
            }
            """);
        var path = string.Join('/', url.AbsolutePath.Split('/').Select(part =>
            Guid.TryParse(part, out _) || part.All(char.IsAsciiDigit) && part.Length > 0 ? "{id}" : part));
        var query = string.Join('&', System.Web.HttpUtility.ParseQueryString(url.Query).AllKeys.Order(StringComparer.Ordinal));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path + "?" + query + "\n" + kinds)));
    }

    private static string Slug(string s)
    {
        var chars = s.Trim('/').Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "home" : slug.Length > 60 ? slug[..60] : slug;
    }
}

/// <summary>Keyboard-only use: Tab / Shift+Tab to an element, Enter or Space to act. No mouse anywhere.</summary>
public static class Keys
{
    /// <summary>Presses Tab (or Shift+Tab when the element lies behind the focus) until an element matched by the
    /// locator has focus — through the skip link first when starting at the top of a page and the element is in the
    /// main content — then checks that the focus is visible. Fails when the element cannot be reached.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, bool backwards = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        if (await HasFocusAsync(target))
        {
            await AssertFocusVisibleAsync(page, target);
            return;
        }
        var where = await target.First.EvaluateAsync<string>("""
            e => {
              // Tabbing starts from the focus, else from the element the address points to (#comment-…), else the top.
              let a = document.activeElement;
              if (!a || a === document.body) a = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
              if (!a) return e.closest('main') ? 'top-main' : 'top';
              return (a.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING) ? 'behind' : 'ahead';
            }
            """);
        if (where == "top-main")
        {
            // Where a keyboard user starts on a new page: the skip link is the first stop and jumps to the content.
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
            await AssertFocusVisibleAsync(page, page.Locator(".skip-link"));
            await page.Keyboard.PressAsync("Enter");
        }
        var key = backwards || where == "behind" ? "Shift+Tab" : "Tab";
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync(key);
            if (await HasFocusAsync(target))
            {
                await AssertFocusVisibleAsync(page, target);
                return;
            }
        }
        Assert.Fail($"Could not reach {target} with the keyboard.");
    }

    /// <summary>Tabs to a field and types into it (replacing what it held, as Ctrl+A and typing does).</summary>
    public static async Task TypeIntoAsync(this IPage page, ILocator field, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.TabToAsync(field);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
    }

    private static Task<bool> HasFocusAsync(ILocator target) =>
        target.EvaluateAllAsync<bool>("els => els.includes(document.activeElement)");

    /// <summary>WCAG 2.4.7: the focused element shows an outline or a ring (box-shadow) wide enough to see.</summary>
    private static async Task AssertFocusVisibleAsync(IPage page, ILocator target)
    {
        var style = await page.EvaluateAsync<string>("""
            () => {
              const s = getComputedStyle(document.activeElement);
              const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
              const ring = s.boxShadow && s.boxShadow !== 'none';
              return outline || ring ? '' : `outline: ${s.outlineStyle} ${s.outlineWidth}; box-shadow: ${s.boxShadow}`;
            }
            """);
        Assert.True(style.Length == 0, $"The keyboard focus on {target} is not visible ({style}).");
    }
}
