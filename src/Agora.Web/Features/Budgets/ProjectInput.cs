using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Web;

namespace Agora.Web.Features.Budgets;

/// <summary>A project as its author types it: cost in whole euro, an optional https image address.</summary>
public sealed class ProjectInput
{
    [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 5, ErrorMessage = V.Length), Display(Name = "Budgets.Project.Field.Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = V.Required), StringLength(20_000, MinimumLength = 20, ErrorMessage = V.Length), Display(Name = "Budgets.Project.Field.Description")]
    public string? Description { get; set; }

    [Required(ErrorMessage = V.Required), Range(typeof(long), V.MoneyMin, V.MoneyMax, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = V.Range), Display(Name = "Budgets.Project.Field.Cost")]
    public long? CostEur { get; set; }

    /// <summary>"budget" (the budget's own area) or a district key.</summary>
    [Display(Name = "Budgets.Project.Field.District")]
    public string District { get; set; } = "budget";

    [StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "Budgets.Project.Field.ImageUrl")]
    public string? ImageUrl { get; set; }

    /// <summary>A proposal of the same process this project was promoted from (facilitators only).</summary>
    [Display(Name = "Budgets.Project.Field.Proposal")]
    public Guid? ProposalId { get; set; }

    public IEnumerable<(string Field, string Error)> Check(Budget budget)
    {
        if (District != "budget" && !Districts.IsKnown(District))
            yield return ("Input.District", "Validation.ValueInvalidPlain");
        // A district budget's projects are in that district.
        if (budget.District != null && District != "budget" && District != budget.District)
            yield return ("Input.District", "Budgets.Project.OutsideArea");
        if (!string.IsNullOrWhiteSpace(ImageUrl) && !IsHttps(ImageUrl))
            yield return ("Input.ImageUrl", "Budgets.Project.ImageHttps");
    }

    public static bool IsHttps(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps;

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> DistrictItems(Budget budget, string sameAsBudget) =>
        new[] { new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(sameAsBudget, "budget") }
            .Concat(budget.District != null ? Enumerable.Empty<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem>() : Districts.All.Select(d => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(d.Name, d.Key)));
}
