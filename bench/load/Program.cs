// The Agora load generator (issue 12). Runs the benchmark's scenarios against a server seeded by
// `seed scale --manifest`, then writes the results as JSON and as a Markdown summary.
//
//   dotnet AgoraLoad.dll --base http://127.0.0.1:5091 --manifest m.json --provider sqlite --db "Data Source=x.db"
//       --password P --server-pid 1234 --out results/2026-11-27-sqlite.json [--seconds 10] [--warmup 2] [--write-seconds 20] [--write-warmup 5]
//       [--clients 32] [--rate 100] [--settle 10]
//
// Reads run twice: closed-loop (N clients, each sends its next request when the last one answered) for throughput,
// and fixed-rate (requests start on a schedule whatever the answers do) for latency without coordinated omission.
// Writes run closed-loop with one signed-in bench citizen per client.

using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgoraLoad;

var options = Options.Parse(args);
var manifest = JsonNode.Parse(await File.ReadAllTextAsync(options.Manifest))!;
var bigProcess = (string)manifest["bigProcess"]!;
var hotProposal = (string)manifest["hotProposal"]!;
var proposals = manifest["proposals"]!.AsArray().Select(n => (string)n!).ToArray();
var citizens = manifest["benchCitizens"]!.AsArray().Select(n => (string)n!).ToArray();

using var http = Http.Client(options.Base, options.Clients * 2);
var report = new Report(options, manifest);

// Anonymous reads: the pages of the issue. Search runs only if the site has it.
var reads = new List<(string Name, string Path)>
{
    ("home", "/"),
    ("process page", $"/processes/{bigProcess}"),
    ("proposal list, filtered, by supports, page 1", $"/processes/{bigProcess}/proposals?state=published&sort=supported"),
    ("proposal list, filtered, by supports, page 200", $"/processes/{bigProcess}/proposals?state=published&sort=supported&page=200"),
    ("proposal page with the long thread", hotProposal),
    ("event list", "/events"),
    ("organisation directory", "/organizations"),
    ("API proposal list", "/api/v1/proposals"),
};
// Search: a few typical queries (a word, a phrase with a place, a word in the other script).
string[] searches = ["парк", "детска площадка Младост", "transport"];
if ((await http.GetAsync("/search?q=" + Uri.EscapeDataString(searches[0]))).StatusCode == HttpStatusCode.OK)
    foreach (var q in searches)
        reads.Add(($"search \"{q}\"", "/search?q=" + Uri.EscapeDataString(q)));
else
    report.Notes.Add("Search: the site has no /search page yet; the scenario was skipped.");
var benchBudget = (string?)manifest["benchBudget"];
if (benchBudget != null)
    reads.Add(("budget page (ballot, turnout)", benchBudget));

foreach (var (name, path) in reads.Where(r => options.Runs(r.Name)))
{
    Console.WriteLine($"read  {name}: {path}");
    await Runner.ClosedLoopAsync(http, path, options.Clients, TimeSpan.FromSeconds(options.WarmUp)); // warm-up, not recorded
    var throughput = await Runner.ClosedLoopAsync(http, path, options.Clients, TimeSpan.FromSeconds(options.Seconds));
    var latency = await Runner.FixedRateAsync(http, path, options.Rate, TimeSpan.FromSeconds(options.Seconds));
    var weight = await PageWeight.MeasureAsync(http, path);
    report.Reads.Add(new ReadResult(name, path, throughput, latency, weight));
    Console.WriteLine($"      {throughput.RequestsPerSecond:F0} req/s, p99 {throughput.P99:F1} ms closed-loop; p95 {latency.P95:F1} ms at {options.Rate}/s; {throughput.QueriesPerRequest:F1} queries");
}

// Authenticated writes: supports and comments by the bench citizens, then the stored counts are checked.
var clients = new List<Citizen>();
for (var i = 0; i < Math.Min(options.Clients, citizens.Length) && new[] { "write support", "write comment", "write ballot" }.Any(options.Runs); i++)
    clients.Add(await Citizen.SignInAsync(options.Base, citizens[i], options.Password, proposals[0], options.WriteStart));

await using (var db = Database.Open(options.Provider, options.Db))
{
    // Client c supports proposals in its own order; every (person, proposal) pair is new (the warm-up's too).
    Task<bool> Support(Citizen c, long k)
    {
        var path = proposals[(int)((k * 7919L + c.Index * 131L) % proposals.Length)];
        return c.PostAsync(path + "?handler=support", [], path);
    }
    Task<bool> Comment(Citizen c, long k)
    {
        var path = proposals[1 + (int)((k * 31L + c.Index) % (proposals.Length - 1))]; // not the long thread
        var id = path[(path.LastIndexOf('/') + 1)..];
        return c.PostAsync("/comments/new",
            [new("Input.TargetType", "proposal"), new("Input.TargetId", id), new("Input.Stance", "Neutral"),
             new("Input.Body", $"Коментар от натоварващия тест № {k} на клиент {c.Index}.")], path);
    }
    // Each write first runs unrecorded, as each read does: the reads before it have not run the write path, so without
    // it the figure would be the JIT's tiering of that path, not the server's steady state. Its rows are stored before
    // the counts below are taken, so the check covers the recorded writes exactly.
    var warmUp = TimeSpan.FromSeconds(options.WriteWarmUp);
    if (options.Runs("write support") && warmUp > TimeSpan.Zero)
        await Runner.WritesAsync(clients, warmUp, Support, maxPerClient: proposals.Length / 2);
    var before = await Database.CountsAsync(db);
    Console.WriteLine("write support");
    var supports = !options.Runs("write support") ? Runner.Skipped
        : await Runner.WritesAsync(clients, TimeSpan.FromSeconds(options.WriteSeconds), Support, maxPerClient: proposals.Length / 2);
    if (options.Runs("write comment") && warmUp > TimeSpan.Zero)
        await Runner.WritesAsync(clients, warmUp, Comment, maxPerClient: int.MaxValue);
    var afterSupports = await Database.CountsAsync(db);
    Console.WriteLine("write comment");
    var comments = !options.Runs("write comment") ? Runner.Skipped
        : await Runner.WritesAsync(clients, TimeSpan.FromSeconds(options.WriteSeconds), Comment, maxPerClient: int.MaxValue);
    var after = await Database.CountsAsync(db);
    if (supports != Runner.Skipped)
        report.Writes.Add(new WriteResult("support", supports, afterSupports.Supports - before.Supports,
        afterSupports.SupportCountSum - before.SupportCountSum, afterSupports.Supports == afterSupports.SupportCountSum));
    if (comments != Runner.Skipped)
        report.Writes.Add(new WriteResult("comment", comments, after.Comments - afterSupports.Comments,
        after.CommentCountSum - afterSupports.CommentCountSum, after.Comments == after.CommentCountSum));
    if (benchBudget != null && options.Runs("write ballot"))
    {
        // Budget ballots: every bench citizen is a verified resident who has not voted in the bench budget, so each
        // casts exactly one valid ballot (the same projects, within the amount and above the minimum).
        // The ballot form is shown to a signed-in verified resident only.
        var html = await clients[0].GetStringAsync(benchBudget);
        var amountMatch = Regex.Match(html, "data-amount=\"(\\d+)\"");
        var amount = amountMatch.Success ? long.Parse(amountMatch.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var choice = new List<KeyValuePair<string, string>>();
        long spent = 0;
        foreach (Match m in Regex.Matches(html, "name=\"Choice\" value=\"([^\"]+)\"[^>]*data-cost=\"(\\d+)\""))
        {
            var cost = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (spent >= amount / 2 || spent + cost > amount)
                continue;
            choice.Add(new("Choice", m.Groups[1].Value));
            spent += cost;
        }
        var ballotsBefore = await Database.BallotsAsync(db);
        Console.WriteLine($"write ballot ({choice.Count} projects)");
        var ballots = await Runner.WritesAsync(clients, TimeSpan.FromSeconds(options.WriteSeconds),
            (c, k) => c.PostAsync(benchBudget + "?handler=vote", [.. choice], benchBudget), maxPerClient: 1);
        var ballotsAfter = await Database.BallotsAsync(db);
        report.Writes.Add(new WriteResult("budget ballot", ballots, ballotsAfter.Rows - ballotsBefore.Rows,
            ballotsAfter.Counter - ballotsBefore.Counter,
            ballotsAfter.Rows == ballotsAfter.Counter && ballotsAfter.Rows - ballotsBefore.Rows == ballots.Requests - ballots.Errors));
    }
}

// Memory when the last request has been answered, and again after the server has stood idle for --settle seconds
// (a node gives memory back when it falls idle: IdleMemoryTrim, after Agora:Memory:TrimAfterIdleSeconds).
var atEnd = ServerMemory.Read(options.ServerPid);
if (atEnd != null && options.Settle > 0)
    await Task.Delay(TimeSpan.FromSeconds(options.Settle));
report.Memory = ServerMemory.Read(options.ServerPid) is { } settled && atEnd != null
    ? settled with { AtEndMb = atEnd.AfterRunMb, SettleSeconds = options.Settle }
    : null;
await report.WriteAsync();
Console.WriteLine($"Results: {options.Out} and {Path.ChangeExtension(options.Out, ".md")}");
return report.Writes.All(w => w.Consistent) ? 0 : 1;

namespace AgoraLoad
{
    internal sealed record Options(string Base, string Manifest, string Provider, string Db, string Password, int ServerPid,
        string Out, int Seconds, int WriteSeconds, int Clients, int Rate, string? Only, int WriteStart, int WriteWarmUp, int WarmUp,
        int Settle)
    {
        /// <summary>Whether a scenario runs: all of them, or those whose name contains --only (for profiling one page).</summary>
        public bool Runs(string scenario) => Only == null || scenario.Contains(Only, StringComparison.OrdinalIgnoreCase);

        public static Options Parse(string[] args)
        {
            string Get(string name, string? fallback = null)
            {
                var i = Array.IndexOf(args, "--" + name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1]
                    : fallback ?? throw new ArgumentException($"--{name} is required");
            }
            int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            return new(Get("base"), Get("manifest"), Get("provider"), Get("db"), Get("password"), Int("server-pid", 0),
                Get("out"), Int("seconds", 10), Int("write-seconds", 20), Int("clients", 32), Int("rate", 100),
                Array.IndexOf(args, "--only") >= 0 ? Get("only") : null, Int("write-start", 0), Int("write-warmup", 0), Int("warmup", 2),
                Int("settle", 10));
        }
    }

    internal static class Http
    {
        /// <summary>The bench stands where the TLS-terminating proxy would (on loopback, which the server trusts), so it
        /// says the original request was HTTPS; in Production the server refuses antiforgery over plain HTTP.</summary>
        public static HttpClient Client(string baseUrl, int connections)
        {
            var client = Plain(baseUrl, connections);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            return client;
        }

        private static HttpClient Plain(string baseUrl, int connections) => new(new SocketsHttpHandler
        {
            UseCookies = false, // cookies are handled per citizen (the server marks them Secure; the bench speaks plain HTTP)
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Latencies in milliseconds and what came back.</summary>
    internal sealed class Sample
    {
        public List<double> Latencies { get; } = [];
        public long Errors { get; set; }
        public long Queries { get; set; }
        public long QueryResponses { get; set; }
    }

    internal sealed record Stats(long Requests, long Errors, double Seconds, double RequestsPerSecond, double P50, double P95, double P99,
        double Max, double QueriesPerRequest)
    {
        public static Stats Of(IEnumerable<Sample> samples, double seconds)
        {
            var list = samples.ToList();
            var all = list.SelectMany(s => s.Latencies).Order().ToArray();
            double P(double q) => all.Length == 0 ? 0 : Math.Round(all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)], 2);
            var errors = list.Sum(s => s.Errors);
            var queries = list.Sum(s => s.Queries);
            var withHeader = list.Sum(s => s.QueryResponses);
            return new(all.Length, errors, Math.Round(seconds, 2), Math.Round((all.Length - errors) / seconds, 1), P(0.50), P(0.95), P(0.99),
                all.Length == 0 ? 0 : Math.Round(all[^1], 2), withHeader == 0 ? -1 : Math.Round((double)queries / withHeader, 2));
        }
    }

    internal static class Runner
    {
        /// <summary>A write scenario left out with --only.</summary>
        public static readonly Stats Skipped = new(0, 0, 0, 0, 0, 0, 0, 0, -1);

        private static async Task OnceAsync(HttpClient http, string path, Sample sample, long startTicks)
        {
            try
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                sample.Latencies.Add(Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                    sample.Errors++;
                if (response.Headers.TryGetValues("X-Sql-Queries", out var v) && int.TryParse(v.First(), out var q))
                {
                    sample.Queries += q;
                    sample.QueryResponses++;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                sample.Latencies.Add(Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds);
                sample.Errors++;
            }
        }

        public static async Task<Stats> ClosedLoopAsync(HttpClient http, string path, int clients, TimeSpan duration)
        {
            var samples = Enumerable.Range(0, clients).Select(_ => new Sample()).ToArray();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(samples.Select(async s =>
            {
                while (watch.Elapsed < duration)
                    await OnceAsync(http, path, s, Stopwatch.GetTimestamp());
            }));
            return Stats.Of(samples, watch.Elapsed.TotalSeconds);
        }

        /// <summary>Starts requests on a fixed schedule; a request's latency counts from when it was due, not when it was sent.</summary>
        public static async Task<Stats> FixedRateAsync(HttpClient http, string path, int rate, TimeSpan duration)
        {
            var total = (int)(rate * duration.TotalSeconds);
            var samples = new Sample[total];
            var tasks = new Task[total];
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
                samples[i] = new Sample();
                tasks[i] = OnceAsync(http, path, samples[i], due);
            }
            await Task.WhenAll(tasks);
            return Stats.Of(samples, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        public static async Task<Stats> WritesAsync(List<Citizen> clients, TimeSpan duration, Func<Citizen, long, Task<bool>> act, int maxPerClient)
        {
            var samples = clients.Select(_ => new Sample()).ToArray();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(async (c, i) =>
            {
                for (long k = 0; watch.Elapsed < duration && k < maxPerClient; k++)
                {
                    var t = Stopwatch.GetTimestamp();
                    bool ok;
                    try
                    {
                        ok = await act(c, c.Next());
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        ok = false;
                    }
                    samples[i].Latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    if (!ok)
                        samples[i].Errors++;
                }
            }));
            return Stats.Of(samples, watch.Elapsed.TotalSeconds);
        }
    }

    /// <summary>A signed-in bench citizen: its own cookies and antiforgery token.</summary>
    internal sealed partial class Citizen(int index, HttpClient http)
    {
        private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);
        private string token = "";
        private long counter;

        public int Index { get; } = index;

        public long Next() => counter++;

        /// <param name="start">Where the client's sequence of writes begins: a second run on the same database with a
        /// later start supports proposals the first run did not (for profiling a warmed-up server).</param>
        public static async Task<Citizen> SignInAsync(string baseUrl, string email, string password, string formPage, int start = 0)
        {
            var c = new Citizen(int.Parse(email.Split('-', '@')[2], CultureInfo.InvariantCulture), Http.Client(baseUrl, 4)) { counter = start };
            await c.LoadTokenAsync("/account/login");
            var ok = await c.PostAsync("/account/login", [new("Input.Email", email), new("Input.Password", password)], "/");
            if (!ok || !c.cookies.ContainsKey("agora.auth"))
                throw new InvalidOperationException($"Could not sign in as {email}: check the bench password.");
            await c.LoadTokenAsync(formPage); // the token is bound to the signed-in person
            return c;
        }

        public async Task<string> GetStringAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            AddCookies(request);
            using var response = await http.SendAsync(request);
            Keep(response);
            return await response.Content.ReadAsStringAsync();
        }

        private async Task LoadTokenAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            AddCookies(request);
            using var response = await http.SendAsync(request);
            Keep(response);
            var html = await response.Content.ReadAsStringAsync();
            token = TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException($"No antiforgery token on {path} ({(int)response.StatusCode}).");
        }

        /// <summary>Posts a form; success is the redirect the page answers with after acting (to <paramref name="expect"/>).</summary>
        public async Task<bool> PostAsync(string path, KeyValuePair<string, string>[] fields, string expect)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
            };
            AddCookies(request);
            using var response = await http.SendAsync(request);
            Keep(response);
            await response.Content.LoadIntoBufferAsync();
            return response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.StartsWith(expect, StringComparison.Ordinal) == true;
        }

        private void AddCookies(HttpRequestMessage request)
        {
            if (cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(kv => kv.Key + "=" + kv.Value)));
        }

        private void Keep(HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Set-Cookie", out var values))
                return;
            foreach (var v in values)
            {
                var pair = v.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                    cookies[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex TokenPattern();
    }

    internal sealed record Counts(long Supports, long SupportCountSum, long Comments, long CommentCountSum);

    internal static class Database
    {
        public static DbConnection Open(string provider, string connectionString)
        {
            DbConnection c = provider == "postgres"
                ? new Npgsql.NpgsqlConnection(connectionString)
                : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
            c.Open();
            return c;
        }

        public static async Task<Counts> CountsAsync(DbConnection db)
        {
            async Task<long> Scalar(string sql)
            {
                await using var cmd = db.CreateCommand();
                cmd.CommandText = sql;
                return Convert.ToInt64(await cmd.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
            }
            return new(
                await Scalar("SELECT COUNT(*) FROM \"ProposalSupport\""),
                await Scalar("SELECT COALESCE(SUM(\"SupportCount\"), 0) FROM \"Proposal\""),
                await Scalar("SELECT COUNT(*) FROM \"Comment\" WHERE \"TargetType\" = 'proposal' AND \"DeletedAt\" IS NULL AND \"HiddenAt\" IS NULL"),
                await Scalar("SELECT COALESCE(SUM(\"CommentCount\"), 0) FROM \"Proposal\""));
        }

        public static async Task<BallotCounts> BallotsAsync(DbConnection db)
        {
            async Task<long> Scalar(string sql)
            {
                await using var cmd = db.CreateCommand();
                cmd.CommandText = sql;
                return Convert.ToInt64(await cmd.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
            }
            return new(
                await Scalar($"SELECT COUNT(*) FROM \"Ballot\" WHERE \"BudgetId\" IN (SELECT \"Id\" FROM \"Budget\" WHERE {BenchBudget.Filter})"),
                await Scalar($"SELECT COALESCE(SUM(\"BallotCount\"), 0) FROM \"Budget\" WHERE {BenchBudget.Filter}"));
        }
    }

    internal sealed record BallotCounts(long Rows, long Counter);

    internal static class BenchBudget
    {
        /// <summary>The budget the bench votes in: the generator's first, city-wide one.</summary>
        public const string Filter = "\"Position\" = 0 AND \"District\" IS NULL";
    }

    internal sealed record Weight(long Html, long HtmlBrotli, long HtmlGzip, long Css, long CssBrotli, long CssGzip, long Js, long JsBrotli, long JsGzip);

    /// <summary>A page's weight: its HTML and the CSS and JS it links, raw and compressed (Brotli, gzip) here, so the
    /// figure does not depend on whether the server compresses each type.</summary>
    internal static partial class PageWeight
    {
        public static async Task<Weight> MeasureAsync(HttpClient http, string path)
        {
            var html = await http.GetByteArrayAsync(path);
            var text = Encoding.UTF8.GetString(html);
            var css = new List<byte[]>();
            var js = new List<byte[]>();
            foreach (Match m in CssPattern().Matches(text))
                css.Add(await http.GetByteArrayAsync(WebUtility.HtmlDecode(m.Groups[m.Groups[1].Success ? 1 : 2].Value)));
            foreach (Match m in JsPattern().Matches(text))
                js.Add(await http.GetByteArrayAsync(WebUtility.HtmlDecode(m.Groups[1].Value)));
            return new(html.Length, Brotli(html), Gzip(html),
                css.Sum(b => (long)b.Length), css.Sum(Brotli), css.Sum(Gzip),
                js.Sum(b => (long)b.Length), js.Sum(Brotli), js.Sum(Gzip));
        }

        private static long Brotli(byte[] data)
        {
            using var output = new MemoryStream();
            using (var b = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
                b.Write(data);
            return output.Length;
        }

        private static long Gzip(byte[] data)
        {
            using var output = new MemoryStream();
            using (var g = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
                g.Write(data);
            return output.Length;
        }

        [GeneratedRegex("<link[^>]+rel=\"stylesheet\"[^>]+href=\"(/[^\"]+)\"|<link[^>]+href=\"(/[^\"]+)\"[^>]+rel=\"stylesheet\"")]
        private static partial Regex CssPattern();

        [GeneratedRegex("<script[^>]+src=\"(/[^\"]+)\"")]
        private static partial Regex JsPattern();
    }

    /// <summary>The resident set counts file pages (the assemblies and the search index: clean, shared with the page
    /// cache, which the kernel may drop at will), the runtime's code and loader heaps (mapped through a memfd, so counted
    /// as shared memory though no other process maps them) and the process's anonymous memory (GC heap, native).</summary>
    internal sealed record Memory(long PeakMb, long AfterRunMb, long AnonymousMb, long FileMb, long SharedMb)
    {
        /// <summary>VmRSS when the last request had been answered, before the idle wait.</summary>
        public long AtEndMb { get; init; }

        /// <summary>How long the server stood idle before AfterRunMb and its parts were read.</summary>
        public int SettleSeconds { get; init; }
    }

    internal static class ServerMemory
    {
        /// <summary>VmHWM (the peak resident set) and VmRSS of the server process, from /proc.</summary>
        public static Memory? Read(int pid)
        {
            var file = $"/proc/{pid}/status";
            if (pid <= 0 || !File.Exists(file))
                return null;
            long Kb(string key) => File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault();
            return new(Kb("VmHWM:") / 1024, Kb("VmRSS:") / 1024, Kb("RssAnon:") / 1024, Kb("RssFile:") / 1024, Kb("RssShmem:") / 1024);
        }
    }

    internal sealed record ReadResult(string Name, string Path, Stats Throughput, Stats Latency, Weight Weight);

    internal sealed record WriteResult(string Name, Stats Stats, long StoredRows, long CounterDelta, bool CountersMatchRows)
    {
        public long Successes => Stats.Requests - Stats.Errors;

        /// <summary>Every successful response stored exactly one row, and the stored counters moved by the same.</summary>
        public bool Consistent => StoredRows == Successes && CounterDelta == Successes && CountersMatchRows;
    }

    internal sealed class Report(Options options, JsonNode manifest)
    {
        public List<ReadResult> Reads { get; } = [];
        public List<WriteResult> Writes { get; } = [];
        public List<string> Notes { get; } = [];
        public Memory? Memory { get; set; }

        private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

        public async Task WriteAsync()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
            var seed = manifest.DeepClone().AsObject();
            seed.Remove("proposals");
            var json = new
            {
                date = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture),
                provider = options.Provider,
                machine = new { cores = MachineCores, loadAverage = LoadAverage, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = Environment.Version.ToString() },
                settings = new { options.Clients, options.Seconds, warmUpSeconds = options.WarmUp, options.WriteSeconds, writeWarmUpSeconds = options.WriteWarmUp, fixedRate = options.Rate },
                seed,
                reads = Reads,
                writes = Writes.Select(w => new { w.Name, w.Stats, w.Successes, w.StoredRows, w.CounterDelta, w.CountersMatchRows, w.Consistent }),
                serverMemoryMb = Memory,
                notes = Notes,
            };
            await File.WriteAllTextAsync(options.Out, JsonSerializer.Serialize(json, Json));
            await File.WriteAllTextAsync(Path.ChangeExtension(options.Out, ".md"), Markdown(seed));
        }

        private string Markdown(JsonObject seed)
        {
            var sb = new StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            sb.AppendLine(inv, $"# Agora benchmark — {seed["size"]?["Name"]} city on {options.Provider}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            sb.AppendLine();
            sb.AppendLine(inv, $"{MachineCores} cores (load average {LoadAverage} at the end: other work on the machine slows every figure); server pinned to core 1, load generator to core 0. Each read first runs {options.WarmUp} s unrecorded, each write {options.WriteWarmUp} s. Closed loop: {options.Clients} clients for {options.Seconds} s; fixed rate: {options.Rate} requests/s for {options.Seconds} s; writes for {options.WriteSeconds} s. Seeding took {seed["seconds"]} s.");
            sb.AppendLine();
            sb.AppendLine("## Anonymous reads");
            sb.AppendLine();
            sb.AppendLine("| Scenario | req/s | p50 | p95 | p99 | errors | p50 @rate | p95 @rate | p99 @rate | SQL/req | HTML br | CSS br | JS br |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in Reads)
                sb.AppendLine(inv, $"| {r.Name} | {r.Throughput.RequestsPerSecond:F0} | {r.Throughput.P50:F1} | {r.Throughput.P95:F1} | {r.Throughput.P99:F1} | {r.Throughput.Errors + r.Latency.Errors} | {r.Latency.P50:F1} | {r.Latency.P95:F1} | {r.Latency.P99:F1} | {(r.Throughput.QueriesPerRequest < 0 ? "–" : r.Throughput.QueriesPerRequest.ToString("F1", inv))} | {Kb(r.Weight.HtmlBrotli)} | {Kb(r.Weight.CssBrotli)} | {Kb(r.Weight.JsBrotli)} |");
            sb.AppendLine();
            sb.AppendLine("Latencies in ms. Page weight in KB, Brotli (gzip is in the JSON).");
            sb.AppendLine();
            sb.AppendLine("## Authenticated writes");
            sb.AppendLine();
            sb.AppendLine("| Write | per s | p50 | p95 | p99 | errors | successes | rows stored | counter delta | consistent |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var w in Writes)
                sb.AppendLine(inv, $"| {w.Name} | {w.Stats.RequestsPerSecond:F0} | {w.Stats.P50:F1} | {w.Stats.P95:F1} | {w.Stats.P99:F1} | {w.Stats.Errors} | {w.Successes} | {w.StoredRows} | {w.CounterDelta} | {(w.Consistent ? "yes" : "NO")} |");
            sb.AppendLine();
            if (Memory is { } m)
                sb.AppendLine(inv, $"Server memory: peak {m.PeakMb} MB (VmHWM), {m.AtEndMb} MB when the last request was answered, {m.AfterRunMb} MB after the run, idle for {m.SettleSeconds} s (VmRSS): {m.AnonymousMb} MB anonymous (GC heap and native; RssAnon), {m.SharedMb} MB the runtime's code and loader heaps (RssShmem), {m.FileMb} MB clean file pages (assemblies, search index; RssFile). The process's own memory (anonymous plus code) is {m.AnonymousMb + m.SharedMb} MB.");
            foreach (var n in Notes)
                sb.AppendLine().AppendLine(n);
            return sb.ToString();
        }

        /// <summary>The machine's cores (Environment.ProcessorCount is 1 here: the generator is pinned to one).</summary>
        private static int MachineCores => File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)) : Environment.ProcessorCount;

        private static string LoadAverage => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

        private static string Kb(long bytes) => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
    }
}
