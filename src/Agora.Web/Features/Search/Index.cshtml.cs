using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Search;

/// <summary>/search: one search over everything the reader may see, with facets, snippets and paging.</summary>
public sealed class IndexModel(SearchService search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "process")] public string? Process { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public const int PageSize = 20;

    public SearchResult? Result { get; private set; }
    public bool BadDates { get; private set; }

    /// <summary>Documents indexed so far while this node is still building its index; null once it is built.</summary>
    public long? Indexing => search.IndexingSoFar;

    public int Pages => Result == null ? 0 : Math.Min(SearchService.MaxPage, (Result.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Query == null && !Request.Query.ContainsKey("q"))
            return;
        var from = ParseDate(From);
        var to = ParseDate(To);
        BadDates = (!string.IsNullOrEmpty(From) && from == null) || (!string.IsNullOrEmpty(To) && to == null);
        Result = await search.SearchAsync(new SearchRequest(Query, Type, Process, District, from, to,
            Sort == "date" ? SearchSort.Date : SearchSort.Relevance, Math.Max(1, PageNumber), PageSize), User, ct);
    }

    /// <summary>The current query with one parameter changed (facet links keep the rest, and go back to page 1).</summary>
    public IDictionary<string, string?> With(string? key = null, string? value = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Query,
            ["type"] = Type,
            ["process"] = Process,
            ["district"] = District,
            ["from"] = From,
            ["to"] = To,
            ["sort"] = Sort,
        };
        if (key != null)
            q[key] = value;
        return q;
    }

    public string Link(string? key, string? value) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/search", With(key, value).Where(kv => !string.IsNullOrEmpty(kv.Value)));

    private static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
