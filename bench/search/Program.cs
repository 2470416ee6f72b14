using System.Diagnostics;
using System.Globalization;
using Agora.Web.Features.Search;
using Microsoft.Extensions.FileProviders;

// Indexes N synthetic Bulgarian documents with the app's own index code, then times typical queries.
// Usage: dotnet run -c Release --project bench/search/SearchBench.csproj -- [count=1000000] [results=bench/search/results.txt]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var resultsPath = args.Length > 1 ? args[1] : Path.Combine("bench", "search", "results.txt");
var folder = Path.Combine(Path.GetTempPath(), "agora-search-bench-" + Guid.NewGuid().ToString("N"));
var random = new Random(42);

string[] stems =
[
    "улиц", "тротоар", "парк", "градин", "детск", "площадк", "велоале", "паркинг", "автобус", "трамва", "метро", "училищ",
    "болниц", "библиотек", "читалищ", "спортн", "зал", "дърв", "осветлени", "пейк", "шум", "въздух", "отпадъц", "контейнер",
    "рециклиран", "бюджет", "проект", "данн", "отворен", "гражданск", "участи", "консултаци", "обществен", "транспорт",
    "кварта", "район", "ремонт", "асфалт", "пешеходн", "пътек", "светофар", "кръстовищ", "безопасност", "достъпн", "рамп",
    "фонтан", "площад", "музе", "театър", "концерт", "фестивал", "пазар", "сграда", "покрив", "енерги", "слънчев", "панел",
];
string[] endings = ["", "а", "и", "ите", "ата", "ът", "ия", "ни", "на", "но", "ен"];
string[] glue = ["на", "за", "в", "и", "с", "от", "по", "към"];
string[] kinds = ["proposal", "comment", "debate", "news", "event", "swot-item", "need", "commitment"];
string[] districts = ["lozenets", "mladost", "lyulin", "sredets", "studentski", "nadezhda", "iskar", "vitosha"];
var processes = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();

string Word() => stems[random.Next(stems.Length)] + endings[random.Next(endings.Length)];
string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(i => i % 3 == 2 ? glue[random.Next(glue.Length)] : Word()));

var env = new BenchEnvironment(folder);
var options = new SearchOptions { Directory = folder };
var sw = Stopwatch.StartNew();
using var index = new SearchIndex(options, env);
const int batch = 10_000;
for (var done = 0; done < count; done += batch)
{
    var docs = Enumerable.Range(0, Math.Min(batch, count - done)).Select(i =>
    {
        var p = random.Next(processes.Length);
        return new SearchDocument(kinds[random.Next(kinds.Length)], Guid.NewGuid(), "/x")
        {
            ProcessId = processes[p],
            ProcessSlug = "process-" + p,
            District = random.Next(3) == 0 ? null : districts[random.Next(districts.Length)],
            Date = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 1_000_000)),
            TitleBg = Sentence(6),
            TextBg = Sentence(40),
        };
    }).ToList();
    index.Upsert(docs);
}
index.Commit(0);
var indexSeconds = sw.Elapsed.TotalSeconds;
var bytes = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

var service = new SearchService(index, null!, TimeProvider.System);
string[] queries =
[
    "улиците", "ремонт на улици", "otvoreni danni", "детски площадки", "паркинг лозенец", "velоalei", "osvetlenie parka",
    "бюджет проект", "обществен транспорт", "безопастност", "gradinka", "фонтан на площада",
];
foreach (var q in queries)
    service.Search(new SearchRequest(q), SearchReader.Anonymous); // warm-up

var latencies = new List<double>();
var totalHits = 0L;
sw.Restart();
var rounds = 0;
while (sw.Elapsed < TimeSpan.FromSeconds(20))
{
    foreach (var q in queries)
    {
        var t = Stopwatch.GetTimestamp();
        var r = service.Search(new SearchRequest(q, District: rounds % 4 == 0 ? "lozenets" : null,
            Sort: rounds % 5 == 0 ? SearchSort.Date : SearchSort.Relevance), SearchReader.Anonymous);
        latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        totalHits += r.Total;
    }
    rounds++;
}
var qps = latencies.Count / sw.Elapsed.TotalSeconds;
latencies.Sort();
double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];

var report = string.Create(CultureInfo.InvariantCulture, $"""
    Agora search benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPU, .NET {Environment.Version}
    documents:        {count:N0} (6-word title, 40-word text, Bulgarian word forms)
    indexing:         {indexSeconds:F1} s ({count / indexSeconds:N0} docs/s)
    index size:       {bytes / 1024.0 / 1024.0:F1} MiB
    queries:          {latencies.Count:N0} over {queries.Length} typical queries (facets, highlighting, page 1 of 20; every 4th with a district filter, every 5th by date)
    single thread:    {qps:F1} queries/s
    latency p50:      {P(0.50):F1} ms
    latency p95:      {P(0.95):F1} ms
    latency max:      {latencies[^1]:F1} ms
    mean hits/query:  {totalHits / latencies.Count:N0}
    """);
Console.WriteLine(report);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(resultsPath))!);
File.WriteAllText(resultsPath, report + "\n");
index.Dispose();
Directory.Delete(folder, true);

internal sealed class BenchEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "SearchBench";
    public string ContentRootPath { get; set; } = root;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
