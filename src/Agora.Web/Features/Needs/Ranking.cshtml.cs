using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Needs;

/// <summary>The aggregated priorities: order with shared positions, participant counts, chart and breakdown by kind.</summary>
public sealed class RankingModel(NeedsService needs) : PageModel
{
    public NeedsScope Scope { get; private set; } = default!;
    public NeedsRanking Ranking { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var scope = await needs.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        Ranking = await needs.RankingAsync(scope, ct);
        return Page();
    }
}
