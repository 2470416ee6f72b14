using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Processes;

/// <summary>All processes the reader may see, active first. Two queries whatever the page size.</summary>
public sealed class IndexModel(ProcessAccess access, TimeProvider clock) : PageModel
{
    public const int PageSize = 12;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    // From the query only: "page" is also the route value naming the Razor Page, which would win.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public sealed record Card(string Slug, LocalizedTextView Title, LocalizedTextView Summary, LocalizedTextView Theme,
        DateOnly StartsOn, DateOnly EndsOn, string Scope, bool Published, ProcessStatus Status);

    public Paged<Card> Result { get; private set; } = new([], 1, PageSize, 0);

    public bool CanCreate => User.IsInRole(Infrastructure.Identity.Roles.Administrator);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Paging.Clamp(PageNumber);
        var today = DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));
        var query = access.Visible(User).AsNoTracking();
        query = Status switch
        {
            "active" => query.Where(p => p.StartsOn <= today && p.EndsOn >= today),
            "upcoming" => query.Where(p => p.StartsOn > today),
            "past" => query.Where(p => p.EndsOn < today),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        // Active first, then upcoming, then past; within each the nearest first.
        var rows = await query
            .OrderBy(p => p.StartsOn <= today && p.EndsOn >= today ? 0 : p.StartsOn > today ? 1 : 2)
            .ThenByDescending(p => p.EndsOn).ThenBy(p => p.Slug)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Slug,
                TB = p.Title.Bg,
                TE = p.Title.En,
                SB = p.Summary.Bg,
                SE = p.Summary.En,
                HB = p.Theme.Bg,
                HE = p.Theme.En,
                p.StartsOn,
                p.EndsOn,
                p.Scope,
                p.Published,
            })
            .ToListAsync(ct);
        var cards = rows.Select(p => new Card(p.Slug, new(p.TB, p.TE), new(p.SB, p.SE), new(p.HB, p.HE), p.StartsOn, p.EndsOn, p.Scope,
            p.Published, today < p.StartsOn ? ProcessStatus.Upcoming : today > p.EndsOn ? ProcessStatus.Past : ProcessStatus.Active)).ToList();
        Result = new Paged<Card>(cards, PageNumber, PageSize, total);
    }
}
