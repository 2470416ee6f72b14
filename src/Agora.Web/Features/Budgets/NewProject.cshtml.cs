using Agora.Web.Features.Proposals;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Budgets;

/// <summary>Submitting a project: citizens while the budget takes submissions (with verification if the
/// administrators require it), facilitators at any phase before voting, optionally promoting a proposal.</summary>
[Authorize]
public sealed class NewProjectModel(BudgetService budgets, VerificationService verification, Participants participants,
    AgoraDb db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public BudgetScope Scope { get; private set; } = default!;
    public Budget Budget { get; private set; } = default!;
    public string? Refusal { get; private set; }
    public IReadOnlyList<(Guid Id, string Title)> Proposals { get; private set; } = [];

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, Guid budgetId, CancellationToken ct) =>
        await LoadAsync(slug, budgetId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, Guid budgetId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, budgetId, ct))
            return NotFound();
        if (Refusal != null)
            return Page();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            Refusal = refusal;
            return Page();
        }
        foreach (var (field, error) in Input.Check(Budget))
            ModelState.AddModelError(field, l[error]);
        if (Input.ProposalId is Guid pid && (!Scope.CanManage || Proposals.All(p => p.Id != pid)))
            ModelState.AddModelError("Input.ProposalId", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
            return Page();
        var project = new BudgetProject
        {
            BudgetId = Budget.Id,
            AuthorId = actor.Id,
            Title = Input.Title!.Trim(),
            Description = Input.Description!.Trim(),
            CostCents = Input.CostEur!.Value * 100,
            District = Input.District == "budget" ? Budget.District : Input.District,
            ImageUrl = string.IsNullOrWhiteSpace(Input.ImageUrl) ? null : Input.ImageUrl.Trim(),
            ProposalId = Input.ProposalId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(project);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Budgets.Project.Submitted"].Value;
        return Redirect(Scope.ProjectPath(Budget.Id, project.Id));
    }

    private async Task<bool> LoadAsync(string slug, Guid budgetId, CancellationToken ct)
    {
        var scope = await budgets.ScopeAsync(slug, User, ct);
        if (scope == null)
            return false;
        Scope = scope;
        var budget = await db.Set<Budget>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == budgetId && b.ProcessId == scope.Process.Id, ct);
        if (budget == null)
            return false;
        Budget = budget;
        if (scope.CanManage)
        {
            Refusal = budget.Phase >= BudgetPhase.Voting ? "Budgets.Refused.SubmissionClosed" : null;
            Proposals = (await db.Set<Proposal>().AsNoTracking().Where(p => p.ProcessId == scope.Process.Id && p.HiddenAt == null)
                .OrderByDescending(p => p.SupportCount).Select(p => new { p.Id, p.Title }).Take(200).ToListAsync(ct))
                .Select(p => (p.Id, p.Title)).ToList();
        }
        else if (budget.Phase != BudgetPhase.Submission)
            Refusal = "Budgets.Refused.SubmissionClosed";
        else
            Refusal = await verification.CheckAsync(Infrastructure.Identity.PrincipalExtensions.UserId(User), BudgetService.SubmitAction, budget.District, ct);
        return true;
    }
}
