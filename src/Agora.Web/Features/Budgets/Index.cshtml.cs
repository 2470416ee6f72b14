using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Budgets;

/// <summary>The budgets of a process; facilitators create new ones here.</summary>
public sealed class IndexModel(BudgetService budgets, AgoraDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public BudgetScope Scope { get; private set; } = default!;

    public sealed record Row(Guid Id, LocalizedText Title, string? District, long AmountCents, BudgetPhase Phase, VotingRule Rule, int Ballots, int Projects);
    public IReadOnlyList<Row> Budgets { get; private set; } = [];

    [BindProperty]
    public BudgetInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var scope = await budgets.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        Budgets = await db.Set<Budget>().AsNoTracking().Where(b => b.ProcessId == scope.Process.Id).OrderBy(b => b.Position).ThenBy(b => b.CreatedAt)
            .Select(b => new Row(b.Id, b.Title, b.District, b.AmountCents, b.Phase, b.Rule, b.BallotCount,
                db.Set<BudgetProject>().Count(p => p.BudgetId == b.Id)))
            .ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        var scope = await budgets.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        if (!scope.CanManage)
            return Forbid();
        foreach (var (field, error) in Input.Check())
            ModelState.AddModelError(field, l[error]);
        if (!ModelState.IsValid)
            return await OnGetAsync(slug, ct);
        var position = await db.Set<Budget>().CountAsync(b => b.ProcessId == scope.Process.Id, ct);
        var budget = new Budget { ProcessId = scope.Process.Id, Position = position, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Input.ApplyTo(budget);
        db.Add(budget);
        audit.Record(User, "budget.create", "budget", budget.Id.ToString(), budget.Title.Bg);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Budgets.Created"].Value;
        return Redirect(scope.BudgetPath(budget.Id));
    }
}

/// <summary>A budget's settings as the facilitator types them: the amount in whole euro.</summary>
public sealed class BudgetInput
{
    [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 3, ErrorMessage = V.Length), Display(Name = "Budgets.Field.TitleBg")]
    public string? TitleBg { get; set; }

    [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 3, ErrorMessage = V.Length), Display(Name = "Budgets.Field.TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(10_000, ErrorMessage = V.MaxLength), Display(Name = "Budgets.Field.DescriptionBg")]
    public string? DescriptionBg { get; set; }

    [StringLength(10_000, ErrorMessage = V.MaxLength), Display(Name = "Budgets.Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    /// <summary>"city" or a district key.</summary>
    [Display(Name = "Budgets.Field.Area")]
    public string Area { get; set; } = "city";

    [Required(ErrorMessage = V.Required), Range(typeof(long), V.MoneyMin, V.MoneyMax, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = V.Range), Display(Name = "Budgets.Field.Amount")]
    public long? AmountEur { get; set; }

    [Display(Name = "Budgets.Field.Rule")]
    public VotingRule Rule { get; set; }

    [Range(0, 100, ErrorMessage = V.Range), Display(Name = "Budgets.Field.MinPercent")]
    public int MinPercent { get; set; }

    [Range(1, 100, ErrorMessage = V.Range), Display(Name = "Budgets.Field.MinProjects")]
    public int MinProjects { get; set; } = 1;

    [Range(1, 100, ErrorMessage = V.Range), Display(Name = "Budgets.Field.MaxProjects")]
    public int MaxProjects { get; set; } = 3;

    [Display(Name = "Budgets.Field.AllowChange")]
    public bool AllowChange { get; set; }

    public IEnumerable<(string Field, string Error)> Check()
    {
        if (Area != "city" && !Districts.IsKnown(Area))
            yield return ("Input.Area", "Validation.ValueInvalidPlain");
        if (MinProjects > MaxProjects)
            yield return ("Input.MaxProjects", "Budgets.Field.MaxBelowMin");
    }

    public void ApplyTo(Budget b)
    {
        b.Title = new(TitleBg!.Trim(), TitleEn!.Trim());
        b.Description = new(DescriptionBg?.Trim() ?? "", DescriptionEn?.Trim() ?? "");
        b.District = Area == "city" ? null : Area;
        b.AmountCents = AmountEur!.Value * 100;
        b.Rule = Rule;
        b.MinPercent = MinPercent;
        b.MinProjects = MinProjects;
        b.MaxProjects = MaxProjects;
        b.AllowChange = AllowChange;
    }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> AreaItems(string wholeCity) =>
        new[] { new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(wholeCity, "city") }
            .Concat(Districts.All.Select(d => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(d.Name, d.Key)));
}
