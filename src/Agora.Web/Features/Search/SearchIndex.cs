using System.Globalization;
using Agora.Web.Infrastructure.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Agora.Web.Features.Search;

/// <summary>Search settings (section Agora:Search).</summary>
public sealed class SearchOptions
{
    /// <summary>The node's index folder; relative to the content root. ":memory:" keeps it in memory (tests).</summary>
    public string Directory { get; set; } = "data/search";
    /// <summary>How often the node looks for new change-log entries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Off in tests that do not need the index: nothing is opened or polled then.</summary>
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>Change-log entries older than this are deleted; a node behind by more rebuilds on start.</summary>
    public TimeSpan KeepChanges { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How long a starting node waits for a rebuild of its index before it serves anyway: a small site's
    /// rebuild finishes within it (the first searches find everything), a city's goes on in the background while the
    /// search page says how far it has come.</summary>
    public TimeSpan StartWait { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Index field names and the analysers behind them.</summary>
public static class SearchFields
{
    public const string Key = "key", Kind = "kind", Id = "id", Url = "url", ProcessId = "pid", ProcessSlug = "pslug",
        District = "district", State = "state", Visibility = "vis", Parent = "parent", Date = "date", DateSort = "date_dv",
        ProcessComponent = "pcomp", Components = "components",
        TitleBg = "title_bg", TextBg = "text_bg", TitleEn = "title_en", TextEn = "text_en", TitleFolded = "tr_title", TextFolded = "tr_text";

    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Latin skeletons (see <see cref="SearchText.Fold"/>): split into words and lowercased, no stemming.</summary>
    public static Analyzer Folded() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
    });

    public static Analyzer PerField()
    {
        var bg = BulgarianAnalysis.Create();
        var en = new EnglishAnalyzer(Version);
        var folded = Folded();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), new Dictionary<string, Analyzer>
        {
            [TitleBg] = bg,
            [TextBg] = bg,
            [TitleEn] = en,
            [TextEn] = en,
            [TitleFolded] = folded,
            [TextFolded] = folded,
        });
    }
}

/// <summary>
/// This node's Lucene index: one writer, near-real-time searchers, and the id of the last change-log entry applied,
/// kept in the commit's user data so that a restarted node continues where it stopped.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Raise when fields or analysis change: nodes then rebuild on start.</summary>
    public const string SchemaVersion = "2";
    private const string SchemaKey = "schema", LastChangeKey = "lastChange", SourcesKey = "sources";

    private readonly LuceneDirectory directory;
    private readonly IndexWriter writer;
    private readonly SearcherManager searchers;
    private readonly System.Threading.Lock gate = new();

    public SearchIndex(SearchOptions options, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(env);
        if (options.Directory == ":memory:")
        {
            directory = new RAMDirectory();
        }
        else
        {
            var path = Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Directory));
            System.IO.Directory.CreateDirectory(path);
            // Read with positional file reads rather than memory-mapped (FSDirectory.Open's choice on 64-bit): the kernel
            // caches the files all the same, but mapped pages count in the server's resident set (~30 MB at city
            // size after a bench run), and searches were measured no slower (bench/RESULTS.md, sixth pass).
            directory = new NIOFSDirectory(path);
        }
        Analyzer = SearchFields.PerField();
        var existing = DirectoryReader.IndexExists(directory);
        var data = existing ? DirectoryReader.ListCommits(directory)[^1].UserData : null;
        NeedsRebuild = data == null || !data.TryGetValue(SchemaKey, out var v) || v != SchemaVersion;
        LastChangeId = data != null && data.TryGetValue(LastChangeKey, out var last) ? long.Parse(last, CultureInfo.InvariantCulture) : 0;
        Sources = data != null && data.TryGetValue(SourcesKey, out var kinds) ? kinds : "";
        writer = new IndexWriter(directory, new IndexWriterConfig(SearchFields.Version, Analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        if (!existing)
            Commit(0);
        searchers = new SearcherManager(writer, true, null);
    }

    public Analyzer Analyzer { get; }

    /// <summary>Cached visibility filters for this index's segments.</summary>
    public VisibilityFilters Visibility { get; } = new();

    /// <summary>The index was never built, or by another schema: rebuild before use.</summary>
    public bool NeedsRebuild { get; private set; }

    public long LastChangeId { get; private set; }

    /// <summary>
    /// The kinds of document the index was last rebuilt with (comma-separated, in order). A deploy that adds a source
    /// (a new module) finds them different and rebuilds, so the items that existed before are found without a manual
    /// <c>search rebuild</c>.
    /// </summary>
    public string Sources { get; set; }

    /// <summary>When the node last found itself level with the change log; modules fall back to the database when
    /// this is not recent (the index is not being kept fresh).</summary>
    public DateTime? CaughtUpAt { get; set; }

    /// <summary>Documents a rebuild in progress has indexed so far; null when no rebuild runs. Until it ends, searches
    /// read the index as it was before (nothing, on a new node).</summary>
    public long? RebuildingSoFar
    {
        get { var n = Interlocked.Read(ref rebuilt); return n < 0 ? null : n; }
        set => Interlocked.Exchange(ref rebuilt, value ?? -1);
    }

    private long rebuilt = -1;

    public bool IsFresh(DateTime now) => !NeedsRebuild && CaughtUpAt is { } at && now - at < TimeSpan.FromSeconds(30);

    public void DeleteAll()
    {
        lock (gate)
            writer.DeleteAll();
    }

    public void Upsert(IEnumerable<SearchDocument> documents)
    {
        lock (gate)
        {
            foreach (var d in documents)
                writer.UpdateDocument(new Term(SearchFields.Key, KeyOf(d.Kind, d.Id)), ToLucene(d));
        }
    }

    /// <summary>Adds documents that cannot be in the index yet (a rebuild, after <see cref="DeleteAll"/>): unlike
    /// <see cref="Upsert"/> it buffers no delete per document, which a city's 600,000 documents would all carry to the
    /// flush.</summary>
    public void Add(IEnumerable<SearchDocument> documents)
    {
        lock (gate)
        {
            foreach (var d in documents)
                writer.AddDocument(ToLucene(d));
        }
    }

    /// <summary>
    /// Merges the index into one segment and commits it. A rebuild writes a segment per flush of the writer's buffer
    /// (about 30 for a city); each keeps its own term dictionary and stored fields, so every search looks a word up in
    /// each of them and the memory-mapped pages it touches add up. One segment is smaller on disk, searches faster and
    /// keeps fewer pages resident. Later changes add small segments that the merge policy folds in as usual.
    /// </summary>
    public void Compact(long lastChangeId)
    {
        writer.ForceMerge(1);
        Commit(lastChangeId);
    }

    /// <summary>Removes the items and anything indexed as belonging to them (a hidden proposal's comments).</summary>
    public void Delete(string kind, IEnumerable<Guid> ids)
    {
        lock (gate)
        {
            foreach (var id in ids)
            {
                writer.DeleteDocuments(new Term(SearchFields.Key, KeyOf(kind, id)));
                writer.DeleteDocuments(new Term(SearchFields.Parent, id.ToString()));
            }
        }
    }

    /// <summary>Makes the changes durable with the last applied change-log id, and visible to new searches.</summary>
    public void Commit(long lastChangeId)
    {
        lock (gate)
        {
            writer.SetCommitData(new Dictionary<string, string>
            {
                [SchemaKey] = SchemaVersion,
                [LastChangeKey] = lastChangeId.ToString(CultureInfo.InvariantCulture),
                [SourcesKey] = Sources,
            });
            writer.Commit();
            LastChangeId = lastChangeId;
            NeedsRebuild = false;
        }
        searchers?.MaybeRefreshBlocking();
    }

    /// <summary>Runs a search on the newest committed state.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public int Count => Search(s => s.IndexReader.NumDocs);

    /// <summary>Segments in the searchable state (one after a rebuild; see <see cref="Compact"/>).</summary>
    public int SegmentCount => Search(s => s.IndexReader.Leaves.Count);

    /// <summary>Which of these items are in the committed index (live, not deleted).</summary>
    public HashSet<Guid> Indexed(string kind, IEnumerable<Guid> ids) =>
        Search(s => ids.Where(id => s.Search(new TermQuery(new Term(SearchFields.Key, KeyOf(kind, id))), 1).TotalHits > 0).ToHashSet());

    /// <summary>The titles (both languages, as indexed) of those of the items that are in the index.</summary>
    public Dictionary<Guid, string> IndexedTitles(string kind, IEnumerable<Guid> ids) =>
        Search(s =>
        {
            var titles = new Dictionary<Guid, string>();
            foreach (var id in ids)
            {
                var hit = s.Search(new TermQuery(new Term(SearchFields.Key, KeyOf(kind, id))), 1).ScoreDocs;
                if (hit.Length > 0)
                {
                    var doc = s.Doc(hit[0].Doc);
                    titles[id] = doc.Get(SearchFields.TitleBg, CultureInfo.InvariantCulture) + "\n" + doc.Get(SearchFields.TitleEn, CultureInfo.InvariantCulture);
                }
            }
            return titles;
        });

    /// <summary>A document's titles as <see cref="IndexedTitles"/> reads them back.</summary>
    public static string TitlesOf(SearchDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return SearchText.Plain(d.TitleBg) + "\n" + SearchText.Plain(d.TitleEn);
    }

    public static string KeyOf(string kind, Guid id) => kind + ":" + id.ToString();

    /// <summary>The term that ties an item to its process's component: "process id/component".</summary>
    public static string ProcessComponentOf(Guid processId, string component) => processId.ToString() + "/" + component;

    private static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Key, KeyOf(d.Kind, d.Id), Field.Store.NO),
            new StringField(SearchFields.Kind, d.Kind, Field.Store.YES),
            new SortedDocValuesField(SearchFields.Kind, new BytesRef(d.Kind)),
            new StoredField(SearchFields.Id, d.Id.ToString()),
            new StoredField(SearchFields.Url, d.Url),
            new StringField(SearchFields.Visibility, d.Visibility.ToString(), Field.Store.NO),
            new Int64Field(SearchFields.Date, d.Date.Ticks, Field.Store.YES),
            new NumericDocValuesField(SearchFields.DateSort, d.Date.Ticks),
        };
        if (d.ProcessId is { } pid)
            doc.Add(new StringField(SearchFields.ProcessId, pid.ToString(), Field.Store.YES));
        if (!string.IsNullOrEmpty(d.ProcessSlug))
        {
            doc.Add(new StringField(SearchFields.ProcessSlug, d.ProcessSlug, Field.Store.YES));
            doc.Add(new SortedDocValuesField(SearchFields.ProcessSlug, new BytesRef(d.ProcessSlug)));
        }
        if (!string.IsNullOrEmpty(d.District))
        {
            doc.Add(new StringField(SearchFields.District, d.District, Field.Store.YES));
            doc.Add(new SortedDocValuesField(SearchFields.District, new BytesRef(d.District)));
        }
        if (!string.IsNullOrEmpty(d.State))
            doc.Add(new StoredField(SearchFields.State, d.State));
        if (d.Parent is { } parent)
            doc.Add(new StringField(SearchFields.Parent, parent.ToString(), Field.Store.NO));
        if (d.ProcessId is { } owner && !string.IsNullOrEmpty(d.Component))
            doc.Add(new StringField(SearchFields.ProcessComponent, ProcessComponentOf(owner, d.Component), Field.Store.NO));
        if (d.Components != null)
            doc.Add(new StoredField(SearchFields.Components, string.Join(',', d.Components)));
        var titleBg = SearchText.Plain(d.TitleBg);
        var textBg = SearchText.Plain(d.TextBg);
        var titleEn = SearchText.Plain(d.TitleEn);
        var textEn = SearchText.Plain(d.TextEn);
        // A child's title is its parent's (a comment is shown, and found, under its proposal's name), but a search for
        // the proposal's words must bring the proposal first, not each of its comments: the title counts for less on a
        // child (the judged set: "петиция" gave two comments before their proposal).
        var titleBoost = d.Parent == null ? 1f : 0.4f;
        doc.Add(new TextField(SearchFields.TitleBg, titleBg, Field.Store.YES) { Boost = titleBoost });
        doc.Add(new TextField(SearchFields.TextBg, textBg, Field.Store.YES));
        doc.Add(new TextField(SearchFields.TitleEn, titleEn, Field.Store.YES) { Boost = titleBoost });
        doc.Add(new TextField(SearchFields.TextEn, textEn, Field.Store.YES));
        doc.Add(new TextField(SearchFields.TitleFolded, SearchText.Fold(titleBg + " " + titleEn), Field.Store.NO) { Boost = titleBoost });
        doc.Add(new TextField(SearchFields.TextFolded, SearchText.Fold(textBg + " " + textEn), Field.Store.NO));
        return doc;
    }

    public void Dispose()
    {
        searchers.Dispose();
        writer.Dispose();
        directory.Dispose();
        Analyzer.Dispose();
    }
}
