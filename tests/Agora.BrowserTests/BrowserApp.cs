using System.Text.RegularExpressions;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

[assembly: AssemblyFixture(typeof(Agora.BrowserTests.BrowserApp))]

namespace Agora.BrowserTests;

/// <summary>
/// The real app on a free local port (Kestrel), on a fresh database seeded with the Sofia demo, sending its
/// e-mail to a pickup folder; and Debian's Chromium driven by Playwright. Nothing is downloaded: the browser
/// is the system one (AGORA_CHROMIUM or /usr/bin/chromium).
/// </summary>
public sealed partial class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "agora-browser-" + Guid.NewGuid().ToString("N")[..10]);
    private string? pgDatabase;
    private IPlaywright? playwright;

    public string MailDirectory => Path.Combine(dataDirectory, "mail");
    public string BaseUrl { get; private set; } = "";
    public IBrowser? Browser { get; private set; }

    /// <summary>Screenshots and the per-page summary land here (under the test output).</summary>
    public static string EvidenceDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "evidence",
        Environment.GetEnvironmentVariable("AGORA_TEST_POSTGRES") is { Length: > 0 } ? "postgres" : "sqlite");

    public BrowserApp() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        var settings = new Dictionary<string, string?>
        {
            ["Agora:Demo:SeedOnFirstStart"] = "true",
            ["Agora:Email:WorkerEnabled"] = "true",
            ["Agora:Email:PickupDirectory"] = MailDirectory,
            ["Agora:OpenData:Directory"] = Path.Combine(dataDirectory, "open-data"),
            // Its own index: the default (data/search under the source tree) was shared with every other app started
            // from the tree, e.g. the suite's PostgreSQL run finding the SQLite run's documents.
            ["Agora:Search:Directory"] = Path.Combine(dataDirectory, "search"),
            ["Agora:RateLimits:AccountPerMinute"] = "1000",
            ["Agora:RateLimits:GlobalPerMinute"] = "100000",
            ["Agora:RateLimits:WritesPerMinute"] = "10000",
        };
        if (Environment.GetEnvironmentVariable("AGORA_TEST_POSTGRES") is { Length: > 0 } server)
        {
            pgDatabase = "agora_browser_" + Guid.NewGuid().ToString("N")[..10];
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                using var cmd = admin.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE \"{pgDatabase}\"";
                cmd.ExecuteNonQuery();
            }
            settings["Agora:Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Agora"] = new NpgsqlConnectionStringBuilder(server) { Database = pgDatabase }.ToString();
        }
        else
        {
            settings["Agora:Database:Provider"] = "Sqlite";
            settings["ConnectionStrings:Agora"] = $"Data Source={Path.Combine(dataDirectory, "agora.db")}";
        }
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.UseEnvironment("Development");
    }

    /// <summary>Why the suite cannot run on this machine, or null when it can.</summary>
    public static string? MissingBrowser { get; } = File.Exists(ChromiumPath) ? null
        : $"Chromium is not installed at {ChromiumPath} (apt-get install chromium, or set AGORA_CHROMIUM).";

    private static string ChromiumPath => Environment.GetEnvironmentVariable("AGORA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (MissingBrowser is { } why && Environment.GetEnvironmentVariable("CI") is not { Length: > 0 })
        {
            // A developer machine with only the .NET SDK runs `dotnet test`: say once why this suite is skipped, and
            // do not start the app and seed the demo for tests that will not run. CI installs Chromium and must run it.
            await Console.Error.WriteLineAsync($"Agora.BrowserTests: the browser suite is SKIPPED. {why}");
            return;
        }
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        // Each run starts a fresh record: screenshots per journey and page, and the summary table.
        if (Directory.Exists(EvidenceDirectory))
            Directory.Delete(EvidenceDirectory, true);
        Directory.CreateDirectory(EvidenceDirectory);
        File.WriteAllText(Path.Combine(EvidenceDirectory, "summary.md"),
            "| journey | page | axe violations (WCAG 2.1 A/AA) | time to load |\n|---|---|---|---|\n");
        var chromium = ChromiumPath;
        if (!File.Exists(chromium))
            return; // NewVisitorAsync says what to install (and fails under CI, which installs it).
        // Expectations retry until they hold; 5 s (Playwright's default) is short for a loaded CI machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Flags for a machine without network: no background calls home, no sandbox (CI runs as root).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        moderatorLock.Dispose();
        if (Browser != null)
            await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        if (pgDatabase != null && Environment.GetEnvironmentVariable("AGORA_TEST_POSTGRES") is { Length: > 0 } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(dataDirectory, true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, object> Scriptless = [];

    public static bool IsScriptless(IBrowserContext context) => Scriptless.TryGetValue(context, out _);

    /// <summary>A new browser profile (cookies, language) as a new visitor; JavaScript on or off.</summary>
    public async Task<IBrowserContext> NewVisitorAsync(string culture = "bg", bool javaScript = true, string? storageState = null)
    {
        if (Browser == null)
        {
            // A developer machine with only the .NET SDK can run `dotnet test`; CI installs Chromium and must run these.
            var why = MissingBrowser ?? "Chromium did not start.";
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
                Assert.Fail(why);
            Assert.Skip(why);
        }
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = culture == "en" ? "en-GB" : "bg-BG",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = culture },
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
        });
        // Generous: on two loaded cores a page load (app, Chromium, axe) can stall for tens of seconds, and a timeout
        // there says nothing about the app.
        context.SetDefaultTimeout(60_000);
        if (!javaScript)
            Scriptless.Add(context, new object());
        return context;
    }

    /// <summary>A new visitor who walks the journey the given way (JavaScript off for <see cref="Way.NoScript"/>).</summary>
    public async Task<(IBrowserContext Context, Person Person)> VisitorAsync(string culture, Way way, string? storageState = null)
    {
        // On PostgreSQL each journey runs once, in Bulgarian by keyboard only: the database's part is the same in
        // every way, and the English, mouse and no-JavaScript runs are covered on SQLite (keeps CI in its budget).
        Assert.SkipWhen(Environment.GetEnvironmentVariable("AGORA_TEST_POSTGRES") is { Length: > 0 } && way != Way.Keyboard,
            "on PostgreSQL the journeys run once, in Bulgarian by keyboard; the other ways run on SQLite");
        var context = await NewVisitorAsync(culture, way != Way.NoScript, storageState);
        return (context, new Person(await context.NewPageAsync(), way));
    }

    /// <summary>A resident with a confirmed account, already signed in: signing up and in is the account journey's
    /// subject, and the other journeys start where it ends. Returns the browser, the person and their address.</summary>
    public async Task<(IBrowserContext Context, Person Person, string Email)> ResidentAsync(string culture, Way way, string name)
    {
        var email = await AccountAsync(name, culture, role: null);
        var (context, person) = await VisitorAsync(culture, way);
        await SignInAsync(person.Page, email, key: null);
        await Assertions.Expect(person.Page.Locator(".account-nav")).ToContainTextAsync(name);
        return (context, person, email);
    }

    private readonly SemaphoreSlim moderatorLock = new(1, 1);
    private string? moderatorState;

    /// <summary>A moderator signed in with two-factor once per run; each journey reuses the signed-in browser state.</summary>
    public async Task<(IBrowserContext Context, Person Person)> ModeratorAsync(string culture, Way way)
    {
        await moderatorLock.WaitAsync();
        try
        {
            if (moderatorState == null)
            {
                var (email, key) = await StaffAsync(Roles.Moderator);
                await using var context = await NewVisitorAsync(culture);
                var page = await context.NewPageAsync();
                await SignInAsync(page, email, key);
                await Assertions.Expect(page.Locator(".account-nav")).ToContainTextAsync("Модератор Тестов");
                moderatorState = await context.StorageStateAsync();
            }
        }
        finally
        {
            moderatorLock.Release();
        }
        return await VisitorAsync(culture, way, moderatorState);
    }

    private static async Task SignInAsync(IPage page, string email, string? key)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Journeys.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        if (key != null)
        {
            await page.Locator("#Input_Code").FillAsync(Totp.Code(key));
            await page.Locator("main button[type=submit]").ClickAsync();
        }
    }

    /// <summary>A staff account (moderator or administrator) with a password and two-factor set up, as an
    /// operator would create one; returns its address and authenticator key.</summary>
    public async Task<(string Email, string Key)> StaffAsync(string role)
    {
        var email = await AccountAsync("Модератор Тестов", "bg", role);
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgoraUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (email, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    private async Task<string> AccountAsync(string name, string culture, string? role)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgoraUser>>();
        var email = $"{role?.ToLowerInvariant() ?? "resident"}-{Guid.NewGuid():N}"[..24] + "@example.bg";
        var user = new AgoraUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            PreferredCulture = culture,
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, Journeys.Password);
        Assert.True(created.Succeeded);
        if (role != null)
            await users.AddToRoleAsync(user, role);
        return email;
    }
    /// <summary>Waits for the newest e-mail to an address in the pickup folder (the outbox worker sends it).</summary>
    public async Task<string> WaitForMailAsync(string to, string containing, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        // Only recent files: the journeys wait for mail their last steps caused, and parsing the whole folder on
        // every poll grows with the run.
        var since = DateTime.UtcNow - TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(MailDirectory))
            {
                var match = Directory.GetFiles(MailDirectory, "*.eml")
                    .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
                    .Where(f => f.Time >= since)
                    .OrderByDescending(f => f.Time)
                    .Select(f => MimeKit.MimeMessage.Load(f.File))
                    .FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))
                        && (m.TextBody ?? "").Contains(containing, StringComparison.Ordinal));
                if (match != null)
                    return match.TextBody ?? "";
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"No e-mail to {to} containing '{containing}'.");
    }

    /// <summary>The first link in a mail's text that goes to the given path.</summary>
    public static string LinkIn(string mailText, string path) =>
        LinkPattern().Matches(mailText).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath == path).PathAndQuery;

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
