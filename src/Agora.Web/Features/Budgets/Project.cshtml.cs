using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Budgets;

/// <summary>One project: description, cost, review, the proposal it came from, comments; facilitators review it.</summary>
public sealed class ProjectModel(BudgetService budgets, CommentService comments, AgoraDb db, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public BudgetScope Scope { get; private set; } = default!;
    public Budget Budget { get; private set; } = default!;
    public BudgetProject Project { get; private set; } = default!;
    public (Guid Id, string Title)? FromProposal { get; private set; }
    public CommentThread? Thread { get; private set; }
    /// <summary>Whether facilitators may start tracking its implementation: a winner of a closed vote, results switched on.</summary>
    public bool CanTrack { get; private set; }

    public int CommentPage => int.TryParse(Request.Query["page"], out var n) ? Paging.Clamp(n) : 1;

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public sealed class ReviewInput
    {
        [Display(Name = "Budgets.Review.Field.State")]
        public ProjectReview State { get; set; } = ProjectReview.Feasible;

        [StringLength(5000, ErrorMessage = V.MaxLength), Display(Name = "Budgets.Review.Field.Reason")]
        public string? Reason { get; set; }

        [Range(typeof(long), V.MoneyMin, V.MoneyMax, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = V.Range), Display(Name = "Budgets.Review.Field.Cost")]
        public long? CostEur { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, Guid budgetId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, budgetId, id, ct))
            return NotFound();
        Review.CostEur ??= Project.CostCents / 100;
        Review.Reason ??= Project.ReviewReason;
        var info = new CommentTargetInfo(Scope.ProjectPath(budgetId, id), Project.Title, null,
            Project.AuthorId is Guid a ? [a] : [], Scope.CanManage);
        Thread = await comments.LoadAsync(ProjectCommentTarget.TypeName, id, info, CommentPage, User.UserId(), ct);
        if (Scope.CanManage && Budget.Phase >= BudgetPhase.Results && Scope.Process.Has(ResultTracking.ResultService.Key))
        {
            var all = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.BudgetId == budgetId).ToListAsync(ct);
            CanTrack = BudgetService.Results(Budget, all).Any(r => r.Id == id && r.Wins);
        }
        return Page();
    }

    /// <summary>The technical review: feasible or not, with reasons and the officials' cost estimate, which replaces the
    /// author's figure. Only before voting starts, so the ballot never changes under the voters.</summary>
    public async Task<IActionResult> OnPostReviewAsync(string slug, Guid budgetId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, budgetId, id, ct))
            return NotFound();
        if (!Scope.CanManage)
            return Forbid();
        if (Budget.Phase >= BudgetPhase.Voting)
            ModelState.AddModelError("", l["Budgets.Refused.ReviewClosed"]);
        if (Review.State == ProjectReview.NotFeasible && string.IsNullOrWhiteSpace(Review.Reason))
            ModelState.AddModelError("Review.Reason", l["Budgets.Review.ReasonRequired"]);
        if (!ModelState.IsValid)
            return await OnGetAsync(slug, budgetId, id, ct);
        var tracked = await db.Set<BudgetProject>().FirstAsync(p => p.Id == id, ct);
        tracked.Review = Review.State;
        tracked.ReviewReason = string.IsNullOrWhiteSpace(Review.Reason) ? null : Review.Reason.Trim();
        if (Review.CostEur is long eur)
            tracked.CostCents = eur * 100;
        tracked.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(User, "budget.project.review", "budget-project", id.ToString(), $"{Review.State} {Review.CostEur} EUR");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Budgets.Review.Saved"].Value;
        return Redirect(Scope.ProjectPath(budgetId, id));
    }

    private async Task<bool> LoadAsync(string slug, Guid budgetId, Guid id, CancellationToken ct)
    {
        var scope = await budgets.ScopeAsync(slug, User, ct);
        if (scope == null)
            return false;
        Scope = scope;
        var row = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.Id == id && p.BudgetId == budgetId)
            .Select(p => new
            {
                Project = p,
                Budget = db.Set<Budget>().First(b => b.Id == p.BudgetId),
                Proposal = db.Set<Proposal>().Where(x => x.Id == p.ProposalId).Select(x => new { x.Id, x.Title }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row == null || row.Budget.ProcessId != scope.Process.Id)
            return false;
        Project = row.Project;
        Budget = row.Budget;
        FromProposal = row.Proposal == null ? null : (row.Proposal.Id, row.Proposal.Title);
        return true;
    }
}
