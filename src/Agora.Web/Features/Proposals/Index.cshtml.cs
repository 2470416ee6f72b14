using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Proposals;

/// <summary>The proposals of a process: filters, sorts and paging in a fixed number of queries.</summary>
public sealed class IndexModel(ProposalService proposals, AgoraDb db, Search.SearchService search) : PageModel
{
    public const int PageSize = 20;
    /// <summary>A prime above the largest <see cref="Proposal.SortKey"/>: multiplying by a seed modulo it permutes the keys.</summary>
    public const long RandomModulus = 1_000_003;

    public ProposalScope Scope { get; private set; } = default!;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "district")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "category")] public Guid? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "seed")] public int? Seed { get; set; }
    /// <summary>From the query string by hand: "page" is also a Razor Pages route value, which would win in binding.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], out var n) ? Paging.Clamp(n) : 1;

    public static readonly string[] Sorts = ["newest", "supported", "commented", "random"];

    public sealed record Row(Guid Id, string Title, string? District, Guid? CategoryId, ProposalState State, int SupportCount,
        int CommentCount, DateTime CreatedAt, string AuthorName);

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    public Dictionary<string, string?> QueryValues => new()
    {
        ["q"] = Query,
        ["district"] = District,
        ["category"] = Category?.ToString(),
        ["state"] = State,
        ["sort"] = Sort,
        ["seed"] = Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var scope = await proposals.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        Sort = Sorts.Contains(Sort) ? Sort : "newest";
        if (Sort == "random" && Seed is not (> 0 and < (int)RandomModulus))
            // A new seed, kept in the links, so the next page continues the same shuffle.
            return Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(scope.Path,
                new Dictionary<string, string?>(QueryValues.Where(kv => kv.Value != null)) { ["seed"] = Random.Shared.Next(1, (int)RandomModulus).ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        var processId = scope.Process.Id;
        var q = db.Set<Proposal>().AsNoTracking().Where(p => p.ProcessId == processId && p.HiddenAt == null);
        var narrowed = false;
        if (Processes.Districts.IsKnown(District))
            (q, narrowed) = (q.Where(p => p.District == District), true);
        else if (District == "city")
            (q, narrowed) = (q.Where(p => p.District == null), true);
        if (Category is Guid c)
            (q, narrowed) = (q.Where(p => p.CategoryId == c), true);
        var tallies = db.Set<ProposalTally>().Where(t => t.ProcessId == processId);
        if (Enum.TryParse<ProposalState>(State, true, out var st))
            (q, tallies) = (q.Where(p => p.State == st), tallies.Where(t => t.State == st));
        else
            (q, tallies) = (q.Where(p => p.State != ProposalState.Withdrawn), tallies.Where(t => t.State != ProposalState.Withdrawn));
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var text = Query.Trim();
            var lower = text.ToLowerInvariant();
            // SQL lower() folds Cyrillic on PostgreSQL but only ASCII on SQLite, so the text as typed matches too.
#pragma warning disable CA1304, CA1311, CA1862
            // The index adds other word forms and the other script; the substring match stays for parts of words.
            var matching = search.MatchingIds(ProposalSearchSource.KindName, scope.Process.Id, text, titlesOnly: false) ?? [];
            q = q.Where(p => matching.Contains(p.Id) || p.Title.Contains(text) || p.Body.Contains(text) || p.Title.ToLower().Contains(lower) || p.Body.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
            narrowed = true;
        }
        // Without a search, district or category the stored tallies hold the count (a read of a row or two instead of
        // counting thousands); otherwise the rows are counted.
        var total = narrowed ? await q.CountAsync(ct) : await tallies.SumAsync(t => t.Count, ct);
        // The tie-breaking id runs the same way as the keys before it, so the covering index read backwards yields the
        // whole order: with a mixed direction SQLite sorted every row before a deep page's offset (page 200).
        IOrderedQueryable<Proposal> Ordered(IQueryable<Proposal> set) => Sort switch
        {
            "supported" => set.OrderByDescending(p => p.SupportCount).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            "commented" => set.OrderByDescending(p => p.CommentCount).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            "random" => set.OrderBy(p => ((long)p.SortKey * Seed!.Value) % RandomModulus).ThenBy(p => p.Id),
            _ => set.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        };
        var pageIds = Ordered(q).Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(p => p.Id);
        var rows = await Ordered(db.Set<Proposal>().AsNoTracking().Where(p => pageIds.Contains(p.Id)))
            .Select(p => new Row(p.Id, p.Title, p.District, p.CategoryId, p.State, p.SupportCount, p.CommentCount, p.CreatedAt,
                db.Users.Where(u => u.Id == p.AuthorId && u.DeletedAt == null).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToListAsync(ct);
        Result = new Paged<Row>(rows, PageNumber, PageSize, total);
        return Page();
    }

    public string CategoryName(Guid? id) => Scope.Categories.FirstOrDefault(c => c.Id == id)?.Name.Current ?? "";
}
