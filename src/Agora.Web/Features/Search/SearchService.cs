using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Identity;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Bg;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Search;

public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>What the reader asked: words and filters. Dates are Sofia calendar days, inclusive.</summary>
public sealed record SearchRequest(string? Query, string? Type = null, string? Process = null, string? District = null,
    DateOnly? From = null, DateOnly? To = null, SearchSort Sort = SearchSort.Relevance, int Page = 1, int PageSize = 20);

/// <summary>One result: title and snippet are HTML (encoded text with &lt;mark&gt; around matched words).</summary>
public sealed record SearchHit(string Kind, Guid Id, string Url, string TitleHtml, string SnippetHtml, string? ProcessSlug,
    string? District, DateTime Date, string? State);

public sealed record SearchFacet(string Value, int Count);

/// <summary>Why a query gave nothing to search for.</summary>
public enum SearchProblem
{
    None,
    Empty,
    OnlyStopWords,
}

public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyList<SearchFacet> Types,
    IReadOnlyList<SearchFacet> Processes, IReadOnlyList<SearchFacet> Districts, SearchProblem Problem, bool Truncated)
{
    public static SearchResult Nothing(SearchProblem problem, bool truncated = false) => new([], 0, [], [], [], problem, truncated);
}

/// <summary>Who is searching: what they may see beyond public items.</summary>
public sealed record SearchReader(bool IsAdministrator, IReadOnlySet<Guid> ManagedProcesses)
{
    public static readonly SearchReader Anonymous = new(false, new HashSet<Guid>());
    public static readonly SearchReader Administrator = new(true, new HashSet<Guid>());
}

/// <summary>
/// Searching the index: the query is built from the reader's words (never parsed as Lucene syntax), in Bulgarian,
/// English and folded-Latin forms with typo tolerance for long words, and filtered by what the reader may see.
/// </summary>
public sealed class SearchService(SearchIndex index, ProcessAccess access, TimeProvider clock)
{
    public const int MaxQueryLength = 200;
    public const int MaxPage = 50;

    private static readonly Analyzer Bg = BulgarianAnalysis.Create();
    private static readonly Analyzer En = new EnglishAnalyzer(SearchFields.Version);
    private static readonly Analyzer Folded = SearchFields.Folded();

    /// <summary>Whether module filters may rely on the index (it is being kept fresh on this node).</summary>
    public bool IsFresh => index.IsFresh(clock.GetUtcNow().UtcDateTime);

    /// <summary>While this node builds its index (a new node, or one after an upgrade): the documents indexed so far,
    /// for the search page to say that results are not complete yet. Null when the index is built.</summary>
    public long? IndexingSoFar => index.RebuildingSoFar ?? (index.NeedsRebuild ? 0 : null);

    public async Task<SearchReader> ReaderAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return SearchReader.Administrator;
        if (user.UserId() is not Guid)
            return SearchReader.Anonymous;
        return new SearchReader(false, (await access.ManagedIds(user).ToListAsync(ct)).ToHashSet());
    }

    public async Task<SearchResult> SearchAsync(SearchRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        Search(request, await ReaderAsync(user, ct));

    public SearchResult Search(SearchRequest request, SearchReader reader)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        var page = Math.Clamp(request.Page, 1, MaxPage);
        var size = Math.Clamp(request.PageSize, 1, 100);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return index.Search(searcher =>
        {
            var (text, problem, truncated) = TextQuery(request.Query, titlesOnly: false, prefixLast: false, searcher.IndexReader);
            if (text == null)
                return SearchResult.Nothing(problem, truncated);
            // Rewritten once (typo terms expanded to real ones): the search and the highlighter share it, and the
            // highlighter needs no per-document index to expand them again.
            var rewritten = searcher.Rewrite(text);
            var query = Filtered(rewritten, BaseFilter(searcher, reader, request));
            var wanted = page * size;
            ITopDocsCollector top = request.Sort == SearchSort.Date
                ? TopFieldCollector.Create(new Sort(new SortField(SearchFields.DateSort, SortFieldType.INT64, true)), wanted, false, false, false, false)
                : TopScoreDocCollector.Create(wanted, true);
            // Type, process and district choices are applied by the facet collector, so that each facet's counts
            // ignore its own choice (drill sideways) while the results honour all of them.
            var facets = new FacetCollector(top, new FacetField(SearchFields.Kind, Blank(request.Type)),
                new FacetField(SearchFields.ProcessSlug, Blank(request.Process)), new FacetField(SearchFields.District, Blank(request.District)));
            searcher.Search(query, facets);
            facets.Finish();
            var docs = top.GetTopDocs((page - 1) * size, size);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new HtmlTextEncoder(), new QueryScorer(rewritten));
            var hits = docs.ScoreDocs.Select(sd => Hit(searcher.Doc(sd.Doc), highlighter, english)).ToList();
            return new SearchResult(hits, top.TotalHits, facets.Counts(SearchFields.Kind), facets.Counts(SearchFields.ProcessSlug),
                facets.Counts(SearchFields.District), SearchProblem.None, truncated);
        });
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Titles for the suggestions list: the last word may be unfinished.</summary>
    public async Task<IReadOnlyList<(string Title, string Url)>> SuggestAsync(string? q, ClaimsPrincipal user, CancellationToken ct)
    {
        var reader = await ReaderAsync(user, ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return index.Search(searcher =>
        {
            var (text, _, _) = TextQuery(q, titlesOnly: false, prefixLast: true, searcher.IndexReader);
            if (text == null)
                return [];
            var query = Filtered(text, BaseFilter(searcher, reader, new SearchRequest(q)));
            return searcher.Search(query, 8).ScoreDocs.Select(sd =>
            {
                var d = searcher.Doc(sd.Doc);
                var title = english && d.Get(SearchFields.TitleEn, CultureInfo.InvariantCulture) is { Length: > 0 } en ? en : d.Get(SearchFields.TitleBg, CultureInfo.InvariantCulture);
                if (string.IsNullOrEmpty(title))
                    title = d.Get(SearchFields.TitleEn, CultureInfo.InvariantCulture) ?? "";
                return (title, d.Get(SearchFields.Url, CultureInfo.InvariantCulture));
            }).Where(x => x.title.Length > 0).ToList();
        });
    }

    /// <summary>
    /// Ids of items of one kind (and process) whose text matches, best first, for modules' own lists and checks.
    /// The caller applies its own visibility rules; null when the index is not fresh (fall back to the database).
    /// </summary>
    public IReadOnlyList<Guid>? MatchingIds(string kind, Guid? processId, string text, bool titlesOnly, int max = 1000)
    {
        if (!IsFresh)
            return null;
        return index.Search<IReadOnlyList<Guid>>(searcher =>
        {
            var (query, _, _) = TextQuery(text, titlesOnly, prefixLast: false, searcher.IndexReader);
            if (query == null)
                return [];
            var filter = new BooleanQuery { { new TermQuery(new Term(SearchFields.Kind, kind)), Occur.MUST } };
            if (processId is { } pid)
                filter.Add(new TermQuery(new Term(SearchFields.ProcessId, pid.ToString())), Occur.MUST);
            return searcher.Search(new FilteredQuery(query, new QueryWrapperFilter(filter)), max).ScoreDocs
                .Select(sd => Guid.Parse(searcher.Doc(sd.Doc).Get(SearchFields.Id, CultureInfo.InvariantCulture))).ToList();
        });
    }

    /// <summary>
    /// The reader's words as a query. Each word matches as Bulgarian (stemmed), English (stemmed), folded Latin
    /// (either script, informal spellings), a Latin word also read back into Cyrillic and stemmed, and — weaker —
    /// with one typo from five letters on, two from eight (for words the index does not know). Most words must match
    /// (all of one or two).
    /// </summary>
    internal static (Query? Query, SearchProblem Problem, bool Truncated) TextQuery(string? raw, bool titlesOnly, bool prefixLast, IndexReader? known = null)
    {
        raw ??= "";
        var truncated = raw.Length > MaxQueryLength;
        if (truncated)
            raw = raw[..MaxQueryLength];
        var words = SearchText.Words(raw);
        if (words.Count == 0)
            return (null, SearchProblem.Empty, truncated);
        var clauses = new List<Query>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var last = prefixLast && i == words.Count - 1;
            if (!last && IsStopWord(w))
                continue;
            if (WordQuery(w, titlesOnly, last, known) is { } q)
                clauses.Add(q);
        }
        if (clauses.Count == 0)
            return (null, SearchProblem.OnlyStopWords, truncated);
        var query = new BooleanQuery();
        foreach (var c in clauses)
            query.Add(c, Occur.SHOULD);
        // Most words must match; for "similar titles" a third of them is enough.
        query.MinimumNumberShouldMatch = titlesOnly ? Math.Max(1, (clauses.Count + 2) / 3)
            : clauses.Count <= 2 ? clauses.Count : clauses.Count - clauses.Count / 3;
        return (query, SearchProblem.None, truncated);
    }

    private static bool IsStopWord(string w)
    {
        var bgStop = BulgarianAnalyzer.DefaultStopSet;
        var enStop = EnglishAnalyzer.DefaultStopSet;
        if (bgStop.Contains(w) || enStop.Contains(w))
            return true;
        // "na", "za", "i" typed in Latin are Bulgarian stop words too.
        return !SearchText.HasCyrillic(w) && bgStop.Contains(SearchText.ToCyrillic(w));
    }

    private static DisjunctionMaxQuery? WordQuery(string w, bool titlesOnly, bool prefix, IndexReader? known)
    {
        var q = new DisjunctionMaxQuery(0.1f);
        void Add(string field, string term, float boost)
        {
            if (titlesOnly && field is SearchFields.TextBg or SearchFields.TextEn or SearchFields.TextFolded)
                return;
            q.Add(new TermQuery(new Term(field, term)) { Boost = boost });
        }
        foreach (var t in Terms(Bg, w))
        {
            Add(SearchFields.TitleBg, t, 3f);
            Add(SearchFields.TextBg, t, 1.5f);
        }
        foreach (var t in Terms(En, w))
        {
            Add(SearchFields.TitleEn, t, 2.5f);
            Add(SearchFields.TextEn, t, 1.2f);
        }
        var folded = Terms(Folded, SearchText.Fold(w));
        foreach (var t in folded)
        {
            Add(SearchFields.TitleFolded, t, 2f);
            Add(SearchFields.TextFolded, t, 1f);
        }
        if (!SearchText.HasCyrillic(w) && SearchText.HasLatin(w))
        {
            foreach (var t in Terms(Bg, SearchText.ToCyrillic(w)))
            {
                Add(SearchFields.TitleBg, t, 2.4f);
                Add(SearchFields.TextBg, t, 1.2f);
            }
        }
        foreach (var t in folded)
        {
            if (prefix && t.Length >= 2)
                q.Add(new PrefixQuery(new Term(SearchFields.TitleFolded, t)) { Boost = 1.5f });
            // Typos: only for longer words the index does not know as typed (a known word is rarely a typo, and
            // expanding every word costs most of a query's time); the first two letters must be right, and at
            // most 50 similar words are tried.
            if (t.Length >= 5 && !Known(known, t))
            {
                var edits = t.Length >= 8 ? 2 : 1;
                q.Add(new FuzzyQuery(new Term(SearchFields.TitleFolded, t), edits, FuzzyPrefix, FuzzyExpansions, true) { Boost = 0.6f });
                if (!titlesOnly)
                    q.Add(new FuzzyQuery(new Term(SearchFields.TextFolded, t), edits, FuzzyPrefix, FuzzyExpansions, true) { Boost = 0.3f });
            }
        }
        return q.Disjuncts.Count == 0 ? null : q;
    }

    private const int FuzzyPrefix = 2, FuzzyExpansions = 50;

    private static bool Known(IndexReader? reader, string folded) =>
        reader != null && (reader.DocFreq(new Term(SearchFields.TextFolded, folded)) > 0 || reader.DocFreq(new Term(SearchFields.TitleFolded, folded)) > 0);

    private static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var ts = analyzer.GetTokenStream("f", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        ts.Reset();
        while (ts.IncrementToken())
            terms.Add(term.ToString());
        ts.End();
        return terms;
    }

    /// <summary>Visibility and dates; the facet choices (type, process, district) are left to the facet collector.</summary>
    private Filter? BaseFilter(IndexSearcher searcher, SearchReader reader, SearchRequest request)
    {
        var visibility = index.Visibility.For(searcher, reader);
        if (request.From == null && request.To == null)
            return visibility;
        long? from = request.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-3).Ticks;
        long? to = request.To?.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc).Ticks;
        var dates = NumericRangeFilter.NewInt64Range(SearchFields.Date, from, to, true, true);
        if (visibility == null)
            return dates;
        return new BooleanFilter { new FilterClause(visibility, Occur.MUST), new FilterClause(dates, Occur.MUST) };
    }

    private static Query Filtered(Query query, Filter? filter) => filter == null ? query : new FilteredQuery(query, filter);

    private static SearchHit Hit(Lucene.Net.Documents.Document d, Highlighter highlighter, bool english)
    {
        var useEn = english && !string.IsNullOrEmpty(d.Get(SearchFields.TitleEn, CultureInfo.InvariantCulture)) || string.IsNullOrEmpty(d.Get(SearchFields.TitleBg, CultureInfo.InvariantCulture));
        var (titleField, textField, analyzer) = useEn
            ? (SearchFields.TitleEn, SearchFields.TextEn, En)
            : (SearchFields.TitleBg, SearchFields.TextBg, Bg);
        var title = d.Get(titleField, CultureInfo.InvariantCulture) ?? "";
        var text = d.Get(textField, CultureInfo.InvariantCulture) ?? "";
        highlighter.TextFragmenter = new NullFragmenter();
        var titleHtml = highlighter.GetBestFragment(analyzer, titleField, title) ?? HtmlTextEncoder.Html.Encode(title);
        highlighter.TextFragmenter = new SimpleFragmenter(180);
        var fragments = highlighter.GetBestFragments(analyzer.GetTokenStream(textField, text), text, 2, " … ");
        var snippet = !string.IsNullOrEmpty(fragments) ? fragments
            : HtmlTextEncoder.Html.Encode(text.Length > 220 ? text[..220] + "…" : text);
        return new SearchHit(d.Get(SearchFields.Kind, CultureInfo.InvariantCulture), Guid.Parse(d.Get(SearchFields.Id, CultureInfo.InvariantCulture)), d.Get(SearchFields.Url, CultureInfo.InvariantCulture), titleHtml, snippet,
            d.Get(SearchFields.ProcessSlug, CultureInfo.InvariantCulture), d.Get(SearchFields.District, CultureInfo.InvariantCulture),
            new DateTime(long.Parse(d.Get(SearchFields.Date, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), DateTimeKind.Utc), d.Get(SearchFields.State, CultureInfo.InvariantCulture));
    }
}

/// <summary>Encodes snippet text for HTML, leaving Cyrillic readable (Lucene's encoder turns it into numeric entities).</summary>
internal sealed class HtmlTextEncoder : IEncoder
{
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public string EncodeText(string originalText) => Html.Encode(originalText);
}
