using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Maturity;

/// <summary>The maturity rounds of a process and their published reports. A fixed number of queries.</summary>
public sealed class IndexModel(MaturityService maturity) : PageModel
{
    public MaturityScope Scope { get; private set; } = default!;
    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var scope = await maturity.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        Rounds = await maturity.RoundsAsync(scope, ct);
        Now = maturity.Now;
        return Page();
    }
}
