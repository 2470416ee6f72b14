using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Swot;

/// <summary>A print-friendly summary of a board: the items by quadrant with who contributed, and the ranked result.</summary>
public sealed class SummaryModel(SwotService swot) : PageModel
{
    public SwotScope Scope { get; private set; } = default!;
    public IReadOnlyList<SwotItemView> Items { get; private set; } = [];
    public SwotResults Results { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        var scope = await swot.ScopeAsync(slug, id, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        Items = await swot.ItemsAsync(id, ct);
        Results = await swot.ResultsAsync(id, Items, ct);
        return Page();
    }
}
