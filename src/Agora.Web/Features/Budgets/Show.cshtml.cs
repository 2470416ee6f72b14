using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Budgets;

/// <summary>One budget: its projects, the one-step ballot while voting, turnout, and the results after the close.</summary>
public sealed class ShowModel(BudgetService budgets, Participants participants, AgoraDb db, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public BudgetScope Scope { get; private set; } = default!;
    public Budget Budget { get; private set; } = default!;
    public IReadOnlyList<BudgetProject> Projects { get; private set; } = [];
    public IReadOnlyList<DistrictTurnout> Turnout { get; private set; } = [];
    public IReadOnlyList<ProjectResult> Results { get; private set; } = [];
    /// <summary>Why the reader cannot vote now (shown instead of the ballot), or null.</summary>
    public Refusal? VoteRefusal { get; private set; }
    public string? MyReceipt { get; private set; }
    public HashSet<Guid> MyChoices { get; private set; } = [];
    public string? BallotError { get; private set; }

    [BindProperty]
    public List<Guid> Choice { get; set; } = [];

    public IEnumerable<BudgetProject> OnBallot => Projects.Where(p => p.Review == ProjectReview.Feasible);

    public string Message(Refusal r) => l[r.Key, r.Args].Value;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostVoteAsync(string slug, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            if (refusal == "Participation.SignInRequired")
                return Challenge();
            BallotError = l[refusal!].Value;
            return Page();
        }
        var result = await budgets.CastAsync(Scope, id, actor.Id, Choice, ct);
        if (result.Refusal != null)
        {
            // The page shows the ballot again with the person's own choices ticked, and the reason at the top.
            BallotError = Message(result.Refusal);
            await LoadAsync(slug, id, ct);
            if (result.Refusal.Key != "Budgets.Refused.AlreadyVoted")
                MyChoices = Choice.ToHashSet();
            return Page();
        }
        TempData["Status"] = l[result.Replaced ? "Budgets.Voted.Changed" : "Budgets.Voted", result.Receipt!].Value;
        return Redirect(Scope.BudgetPath(id) + "#ballot");
    }

    /// <summary>Facilitators move the budget to its next phase; moving to Results closes the vote.</summary>
    public async Task<IActionResult> OnPostPhaseAsync(string slug, Guid id, BudgetPhase to, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
            return NotFound();
        if (!Scope.CanManage)
            return Forbid();
        if ((int)to != (int)Budget.Phase + 1)
        {
            TempData["Status"] = l["Budgets.Refused.PhaseOrder"].Value;
            return Redirect(Scope.BudgetPath(id));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // Conditional on the phase read, so two facilitators clicking at once advance it once.
        var from = Budget.Phase;
        var closedAt = to == BudgetPhase.Results ? now : Budget.ClosedAt;
        var changed = await db.Set<Budget>().Where(b => b.Id == id && b.Phase == from)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Phase, to).SetProperty(b => b.ClosedAt, closedAt), ct);
        if (changed == 1)
        {
            audit.Record(User, "budget.phase", "budget", id.ToString(), to.ToString());
            await db.SaveChangesAsync(ct);
        }
        TempData["Status"] = l["Budgets.PhaseChanged", l["Budgets.Phase." + to].Value].Value;
        return Redirect(Scope.BudgetPath(id));
    }

    private async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var scope = await budgets.ScopeAsync(slug, User, ct);
        if (scope == null)
            return false;
        Scope = scope;
        var budget = await db.Set<Budget>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.ProcessId == scope.Process.Id, ct);
        if (budget == null)
            return false;
        Budget = budget;
        Projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.BudgetId == id)
            .OrderBy(p => p.Review).ThenBy(p => p.Title).ToListAsync(ct);
        Turnout = await budgets.TurnoutAsync(id, ct);
        if (budget.Phase >= BudgetPhase.Results)
            Results = BudgetService.Results(budget, Projects);
        var me = User.UserId();
        if (me is Guid uid)
        {
            var mine = await db.Set<Ballot>().AsNoTracking().Where(b => b.BudgetId == id && b.VoterId == uid)
                .Select(b => new { b.ReceiptCode, Choices = db.Set<BallotChoice>().Where(c => c.BallotId == b.Id).Select(c => c.ProjectId).ToList() })
                .FirstOrDefaultAsync(ct);
            MyReceipt = mine?.ReceiptCode;
            MyChoices = mine?.Choices.ToHashSet() ?? [];
        }
        VoteRefusal = await budgets.VoteRefusalAsync(budget, me, ct);
        return true;
    }
}
