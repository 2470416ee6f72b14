using System.Globalization;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>The public registry: listed organisations, filtered by kind, sector and name.</summary>
public sealed class IndexModel(AgoraDb db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public OrganizationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "sector")]
    public string? Sector { get; set; }

    // From the query only: "page" is also the route value naming the Razor Page, which would win.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public sealed record Row(string Slug, LocalizedText Name, OrganizationKind Kind, string Sectors, LocalizedText Description);

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>The sectors named by listed organisations, for the filter.</summary>
    public IReadOnlyList<string> AllSectors { get; private set; } = [];

    /// <summary>Three queries whatever the page size: sectors, count, page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Paging.Clamp(PageNumber);
        var listed = db.Set<Organization>().AsNoTracking().Where(o => o.Listed);
        // The distinct sector lists (a few hundred combinations of a few words), read from the (Listed, Sectors) index,
        // not every listed organisation's row: the registry holds thousands at city size.
        var sectors = await listed.Where(o => o.Sectors != "").Select(o => o.Sectors).Distinct().ToListAsync(ct);
        AllSectors = sectors.SelectMany(SplitSectors).Distinct(StringComparer.CurrentCultureIgnoreCase)
            .Order(StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();

        var found = listed;
        if (Kind is OrganizationKind kind)
            found = found.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Sector))
        {
            // Whole sectors only ("финанси" is not "финансови технологии"); sectors are saved as "a, b, c".
            var s = "," + Sector.Trim() + ",";
            found = found.Where(o => ("," + o.Sectors.Replace(", ", ",") + ",").Contains(s));
        }
        if (!string.IsNullOrWhiteSpace(Query))
        {
            // Case-insensitive in either language. SQLite's lower() folds only ASCII, so Cyrillic is also matched
            // through the transliterated slug: "софия" finds "София" through "sofia".
            var q = Query.Trim();
            var lower = q.ToLowerInvariant();
            var slug = Slugs.From(q);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(), which has no culture; see above
            found = found.Where(o => o.Name.Bg.Contains(q) || o.Name.Bg.ToLower().Contains(lower) || o.Name.En.ToLower().Contains(lower)
                                     || (slug != "" && o.Slug.Contains(slug)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await found.CountAsync(ct);
        var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var ordered = en ? found.OrderBy(o => o.Name.En).ThenBy(o => o.Id) : found.OrderBy(o => o.Name.Bg).ThenBy(o => o.Id);
        // One statement: the page's ids are chosen in a subquery that sorts only (name, id), then just those rows are
        // read and shaped — sorting thousands of whole rows with their descriptions was most of the page's work.
        var pageIds = ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(o => o.Id);
        var page = db.Set<Organization>().AsNoTracking().Where(o => pageIds.Contains(o.Id));
        var rows = await (en ? page.OrderBy(o => o.Name.En).ThenBy(o => o.Id) : page.OrderBy(o => o.Name.Bg).ThenBy(o => o.Id))
            .Select(o => new Row(o.Slug, o.Name, o.Kind, o.Sectors, o.Description))
            .ToListAsync(ct);
        Result = new Paged<Row>(rows, PageNumber, PageSize, total);
    }

    public static IEnumerable<string> SplitSectors(string sectors) =>
        sectors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
