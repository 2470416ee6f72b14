using Agora.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Budgets;

/// <summary>The receipt codes of the counted ballots, without their choices, so anyone can check theirs was counted.
/// Published only after the close: a list that grows during the vote would let an onlooker link a new code to a
/// person they saw voting, and the count is only final at the close anyway.</summary>
public sealed class ReceiptsModel(BudgetService budgets, AgoraDb db) : PageModel
{
    public BudgetScope Scope { get; private set; } = default!;
    public Budget Budget { get; private set; } = default!;
    public IReadOnlyList<string> Codes { get; private set; } = [];
    public bool Published => Budget.Phase >= BudgetPhase.Results;

    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    public bool? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid budgetId, CancellationToken ct)
    {
        var scope = await budgets.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        var budget = await db.Set<Budget>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == budgetId && b.ProcessId == scope.Process.Id, ct);
        if (budget == null)
            return NotFound();
        Budget = budget;
        if (!Published)
            return Page();
        // Sorted by code, never by time, so the order says nothing about who voted when.
        Codes = await db.Set<Ballot>().AsNoTracking().Where(b => b.BudgetId == budgetId).OrderBy(b => b.ReceiptCode)
            .Select(b => b.ReceiptCode).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(Code))
        {
            var wanted = Code.Trim().ToUpperInvariant();
            Found = Codes.Contains(wanted, StringComparer.Ordinal);
        }
        return Page();
    }
}
