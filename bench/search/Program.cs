using System.Diagnostics;
using System.Globalization;
using Agora.Web.Features.Search;
using Microsoft.Extensions.FileProviders;

// Indexes N synthetic Bulgarian documents with the app's own index code, then times typical queries.
// Usage: dotnet run -c Release --project bench/search/SearchBench.csproj -- [count=1000000] [results=bench/search/results.txt]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var resultsPath = args.Length > 1 ? args[1] : Path.Combine("bench", "search", "results.txt");
// A third argument keeps the index in that folder and reuses it on the next run with the same count (to compare
// query changes without re-indexing); otherwise a temporary folder is deleted at the end.
var keep = args.Length > 2;
var folder = keep ? Path.GetFullPath(args[2]) : Path.Combine(Path.GetTempPath(), "agora-search-bench-" + Guid.NewGuid().ToString("N"));
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

// A realistic vocabulary: the stems' word forms plus ~3,000 made-up Bulgarian-looking words, drawn by Zipf's law
// (the r-th most frequent word appears ~1/r as often), so common words are common and most words are rare.
string[] syllables = ["ба", "ве", "ги", "до", "жу", "зе", "ка", "ли", "мо", "ну", "пе", "ра", "си", "то", "фу", "хе", "це", "чо", "ша", "щи", "юр", "ян", "ст", "пр", "кл", "тр", "др", "гр"];
var synthetic = new HashSet<string>(StringComparer.Ordinal);
while (synthetic.Count < 3000)
    synthetic.Add(string.Concat(Enumerable.Range(0, 2 + random.Next(3)).Select(_ => syllables[random.Next(syllables.Length)])) + endings[random.Next(endings.Length)]);
var vocabulary = stems.SelectMany(s => endings.Select(e => s + e)).Concat(synthetic).Distinct().OrderBy(_ => random.Next()).ToArray();
var zipf = new double[vocabulary.Length];
for (var r = 0; r < zipf.Length; r++)
    zipf[r] = (r == 0 ? 0 : zipf[r - 1]) + 1.0 / (r + 1);
string Word()
{
    var i = Array.BinarySearch(zipf, random.NextDouble() * zipf[^1]);
    return vocabulary[Math.Min(vocabulary.Length - 1, i < 0 ? ~i : i)];
}
string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(i => i % 3 == 2 ? glue[random.Next(glue.Length)] : Word()));

var env = new BenchEnvironment(folder);
var options = new SearchOptions { Directory = folder };
var sw = Stopwatch.StartNew();
using var index = new SearchIndex(options, env);
var reused = !index.NeedsRebuild && index.Count == count;
const int batch = 10_000;
if (!reused)
    index.DeleteAll();
for (var done = reused ? count : 0; done < count; done += batch)
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
if (!reused)
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
    documents:        {count:N0} (6-word title, 40-word text, {vocabulary.Length:N0} word forms by Zipf's law)
    indexing:         {(reused ? "reused an index built earlier" : $"{indexSeconds:F1} s ({count / indexSeconds:N0} docs/s)")}
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
if (!keep)
    Directory.Delete(folder, true);

internal sealed class BenchEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Production";
    public string ApplicationName { get; set; } = "SearchBench";
    public string ContentRootPath { get; set; } = root;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
