using Agora.Web.Features.Processes;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Budgets;

/// <summary>
/// Winning budget projects become results: only once the vote is closed (phase Results or later) and only the projects
/// <see cref="BudgetService.Results"/> funds. Winners are computed, not stored, so each query loads the whole
/// budgets concerned (a budget has few projects).
/// </summary>
public sealed class BudgetProjectResultOrigin(AgoraDb db) : IResultOrigin
{
    public const string KindName = "budget-project";

    public string Kind => KindName;
    public string LabelKey => "Results.Origin.budget-project";

    public async Task<IReadOnlyList<OriginLink>> CandidatesAsync(Guid processId, CancellationToken ct) =>
        (await WinnersAsync(db.Set<Budget>().Where(b => b.ProcessId == processId), null, ct))
            .Values.OrderBy(o => o.Title, StringComparer.CurrentCulture).ToList();

    public async Task<IReadOnlyDictionary<Guid, OriginLink>> ResolveAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var budgetIds = db.Set<BudgetProject>().Where(p => list.Contains(p.Id)).Select(p => p.BudgetId);
        return await WinnersAsync(db.Set<Budget>().Where(b => budgetIds.Contains(b.Id)), list, ct);
    }

    /// <summary>The winners of the given budgets that are closed, optionally only the listed projects; two queries.</summary>
    private async Task<Dictionary<Guid, OriginLink>> WinnersAsync(IQueryable<Budget> budgets, IReadOnlyCollection<Guid>? only, CancellationToken ct)
    {
        // The phase is stored as text, so "≥ Results" is spelled out rather than compared in SQL.
        var closed = await budgets.Where(b => b.Phase == BudgetPhase.Results || b.Phase == BudgetPhase.Implementation)
            .Join(db.Set<Process>(), b => b.ProcessId, p => p.Id, (b, p) => new { Budget = b, p.Slug })
            .AsNoTracking().ToListAsync(ct);
        if (closed.Count == 0)
            return [];
        var closedIds = closed.Select(c => c.Budget.Id).ToList();
        var projects = (await db.Set<BudgetProject>().AsNoTracking().Where(p => closedIds.Contains(p.BudgetId)).ToListAsync(ct))
            .ToLookup(p => p.BudgetId);
        var found = new Dictionary<Guid, OriginLink>();
        foreach (var c in closed)
        {
            foreach (var r in BudgetService.Results(c.Budget, projects[c.Budget.Id]).Where(r => r.Wins))
                if (only == null || only.Contains(r.Id))
                    found[r.Id] = new OriginLink(r.Id, c.Budget.ProcessId, r.Title, $"/processes/{c.Slug}/budgets/{c.Budget.Id}/projects/{r.Id}");
        }
        return found;
    }
}
