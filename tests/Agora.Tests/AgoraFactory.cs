using System.Net;
using System.Text.RegularExpressions;
using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Agora.Tests;

/// <summary>
/// The real app on a fresh database. SQLite in memory by default; a throwaway PostgreSQL database when
/// AGORA_TEST_POSTGRES holds a server connection string. The database starts as a copy of one migrated once per run
/// (<see cref="TestDatabases"/>), so the app's own start-up finds every migration applied; a factory that seeds the
/// demo starts from an empty database instead, since the demo is seeded only on a database the start-up migrates.
/// </summary>
public class AgoraFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("AGORA_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    private readonly string name = "agora_test_" + Guid.NewGuid().ToString("N")[..12];
    private SqliteConnection? keepAlive;
    private string? pgDatabase;

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "agora-mail-" + Guid.NewGuid().ToString("N"));
    public string OpenDataDirectory { get; } = Path.Combine(Path.GetTempPath(), "agora-open-data-" + Guid.NewGuid().ToString("N"));
    /// <summary>This factory's own search index folder (the search worker is off unless a test switches it on).</summary>
    public string SearchDirectory { get; } = Path.Combine(Path.GetTempPath(), "agora-search-" + Guid.NewGuid().ToString("N"));
    public QueryCounter Queries { get; } = new();
    private readonly List<Action<IServiceCollection>> testServices = [];

    public Dictionary<string, string?> Settings { get; } = new()
    {
        // A test host logs warnings and errors only; the failed commands of tests that provoke a unique-index
        // violation on purpose are expected, and are not printed.
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Update"] = "None",
        // Each host makes its own data-protection key in its own database; that it is unencrypted is expected here.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        // The in-memory test server has no request-body size feature to apply the upload limits to.
        ["Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware"] = "Error",
        ["Logging:LogLevel:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter"] = "Error",
        ["Logging:LogLevel:Microsoft.AspNetCore.Antiforgery"] = "Error",
        ["Agora:Demo:SeedOnFirstStart"] = "false",
        ["Agora:Email:WorkerEnabled"] = "false",
        ["Agora:RateLimits:AccountPerMinute"] = "1000",
        ["Agora:RateLimits:GlobalPerMinute"] = "100000",
        ["Agora:RateLimits:WritesPerMinute"] = "10000",
        ["Agora:Api:PerMinute"] = "100000",
        ["Agora:Identity:SecurityStampInterval"] = "00:00:00",
        ["Agora:OpenData:WorkerEnabled"] = "false",
        ["Agora:Search:WorkerEnabled"] = "false",
        // Tests read what they just wrote and count queries per request; OutputCacheTests switch the cache on.
        ["Agora:OutputCache:Enabled"] = "false",
        // Tests change phases and settings and read them back at once; ProposalScopeCacheTests switch it on.
        ["Agora:Proposals:ScopeCacheSeconds"] = "0",
        ["Agora:Verification:RequirementCacheSeconds"] = "0",
    };

    public bool IsPostgres => PostgresServer != null;

    /// <summary>
    /// Makes this host a second node of <c>NodeOf</c>'s site: the same PostgreSQL database, its own memory (output cache,
    /// caches), folders and workers. PostgreSQL only (a SQLite in-memory database is one process's).
    /// </summary>
    public AgoraFactory? NodeOf { get; init; }

    /// <summary>Registers services over the app's own for this factory's host (e.g. a clock the test moves).</summary>
    public void ConfigureTestServices(Action<IServiceCollection> configure) => testServices.Add(configure);

    private bool FromTemplate => Settings.GetValueOrDefault("Agora:Demo:SeedOnFirstStart") == "false";

    public string ConnectionString { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (NodeOf != null)
        {
            if (PostgresServer is null)
                throw new InvalidOperationException("A second node shares the database only on PostgreSQL (AGORA_TEST_POSTGRES).");
            _ = NodeOf.Server; // the first node has made and migrated the database
            ConnectionString = NodeOf.ConnectionString;
            Settings["Agora:Database:Provider"] = "Postgres";
        }
        else if (PostgresServer is { } server)
        {
            var csb = new NpgsqlConnectionStringBuilder(server) { Database = name };
            pgDatabase = name;
            ConnectionString = csb.ToString();
            TestDatabases.CreatePostgres(server, name, FromTemplate);
            Settings["Agora:Database:Provider"] = "Postgres";
        }
        else
        {
            // A named in-memory database lives while one connection to it is open.
            ConnectionString = $"Data Source=file:{name}?mode=memory&cache=shared";
            keepAlive = new SqliteConnection(ConnectionString);
            keepAlive.Open();
            if (FromTemplate)
                TestDatabases.CopySqliteTemplate(keepAlive);
            Settings["Agora:Database:Provider"] = "Sqlite";
        }
        Settings["ConnectionStrings:Agora"] = ConnectionString;
        Settings["Agora:Email:PickupDirectory"] = MailDirectory;
        Settings["Agora:OpenData:Directory"] = OpenDataDirectory;
        Settings["Agora:Search:Directory"] = SearchDirectory;
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.UseEnvironment("Development");
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IInterceptor>(Queries);
            // One PBKDF2 round instead of 100,000: every user a test creates is hashed at sign-up and at each sign-in,
            // and the cost is the point in production but only slows the tests. The count is stored in each hash, so
            // verifying stays exact.
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
            foreach (var configure in testServices)
                configure(s);
        });
    }

    public ValueTask InitializeAsync()
    {
        _ = Server; // start the host: migrations run now
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        keepAlive?.Dispose();
        if (pgDatabase != null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        if (Directory.Exists(MailDirectory))
            Directory.Delete(MailDirectory, true);
        if (Directory.Exists(OpenDataDirectory))
            Directory.Delete(OpenDataDirectory, true);
        if (Directory.Exists(SearchDirectory))
            Directory.Delete(SearchDirectory, true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public HttpClient Browser(string culture = "bg")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        using var scope = Services.CreateScope();
        return await act(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> act) => InScopeAsync<int>(async sp => { await act(sp); return 0; });

    public async Task<T> DbAsync<T>(Func<AgoraDb, Task<T>> query) =>
        await InScopeAsync(sp => query(sp.GetRequiredService<AgoraDb>()));
}

/// <summary>Counts the SQL commands the app sends, so tests can assert that a page's query count is fixed.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    // Background workers (digests, opinion maps, reminders) also query on their own timers; only commands sent while
    // serving a request count, so a worker waking up mid-test on a busy machine cannot change a page's count.
    private static readonly Microsoft.AspNetCore.Http.HttpContextAccessor Requests = new();
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    private void Add()
    {
        if (Requests.HttpContext is not null)
            Interlocked.Increment(ref count);
    }

    public override InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result)
    {
        Add();
        return result;
    }

    public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add();
        return ValueTask.FromResult(result);
    }
}

/// <summary>Reading pages and posting forms as a person would: antiforgery tokens come from the page itself.</summary>
public static partial class Http
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string Token(string html)
    {
        var m = TokenPattern().Match(html);
        Assert.True(m.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>GETs the page holding the form, then POSTs the fields with that page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Token(html) };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Where a redirect points, as a local path and query (the server may give it absolute).</summary>
    public static string Location(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"not a redirect: {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static async Task<string> HtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
