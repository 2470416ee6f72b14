using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Web;

namespace Agora.Web.Features.ResultTracking;

/// <summary>The result form, for a new result and for editing one. Status and progress change through updates.</summary>
public sealed class ResultInput
{
    /// <summary>"kind:id" of what the result came from, or empty.</summary>
    [Display(Name = "Results.Field.Origin")]
    public string? Origin { get; set; }

    [Required(ErrorMessage = V.Required), StringLength(ResultRules.TitleMax, MinimumLength = 3, ErrorMessage = V.Length)]
    [Display(Name = "Results.Field.TitleBg")]
    public string TitleBg { get; set; } = "";

    [StringLength(ResultRules.TitleMax, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(ResultRules.DescriptionMax, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.DescriptionBg")]
    public string? DescriptionBg { get; set; }

    [StringLength(ResultRules.DescriptionMax, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    /// <summary>A district key or "city".</summary>
    [Required(ErrorMessage = V.Required), Display(Name = "Results.Field.District")]
    public string District { get; set; } = "city";

    [Required(ErrorMessage = V.Required), Display(Name = "Results.Field.Department")]
    public string Department { get; set; } = Needs.AdministrationAreas.Other;

    /// <summary>Euro as typed; parsed by <see cref="ResultRules.ParseEuro"/> so "1 234,50" and "1234.50" both work.</summary>
    [StringLength(30, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.Allocated")]
    public string? Allocated { get; set; }

    [StringLength(30, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.Spent")]
    public string? Spent { get; set; }

    [Display(Name = "Results.Field.StartOn")]
    public DateOnly? StartOn { get; set; }

    [Display(Name = "Results.Field.DueOn")]
    public DateOnly? DueOn { get; set; }

    public static ResultInput From(TrackedResult r) => new()
    {
        Origin = r.OriginKind != null && r.OriginId is Guid id ? ResultOrigins.Key(r.OriginKind, id) : null,
        TitleBg = r.Title.Bg,
        TitleEn = r.Title.En,
        DescriptionBg = r.Description.Bg,
        DescriptionEn = r.Description.En,
        District = r.District ?? "city",
        Department = r.Department,
        Allocated = ResultRules.FormEuro(r.BudgetAllocatedCents),
        Spent = ResultRules.FormEuro(r.BudgetSpentCents),
        StartOn = r.StartOn,
        DueOn = r.DueOn,
    };
}

/// <summary>A timeline entry: a note in Bulgarian (and English), with the status and progress after it.</summary>
public sealed class ResultUpdateInput
{
    [StringLength(ResultRules.TextMax, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.TextBg")]
    public string? TextBg { get; set; }

    [StringLength(ResultRules.TextMax, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.TextEn")]
    public string? TextEn { get; set; }

    [Required(ErrorMessage = V.Required), Display(Name = "Results.Field.Status")]
    public ResultStatus? Status { get; set; }

    [Required(ErrorMessage = V.Required), Range(0, 100, ErrorMessage = V.Range), Display(Name = "Results.Field.Progress")]
    public int? Progress { get; set; }

    [StringLength(ResultRules.ReasonMax, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.CancelReason")]
    public string? CancelReason { get; set; }
}

/// <summary>A milestone, new or edited (Id set).</summary>
public sealed class MilestoneInput
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = V.Required), StringLength(ResultRules.TitleMax, MinimumLength = 3, ErrorMessage = V.Length)]
    [Display(Name = "Results.Field.MilestoneBg")]
    public string TitleBg { get; set; } = "";

    [StringLength(ResultRules.TitleMax, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.MilestoneEn")]
    public string? TitleEn { get; set; }

    [Required(ErrorMessage = V.Required), Display(Name = "Results.Field.PlannedOn")]
    public DateOnly? PlannedOn { get; set; }

    [Display(Name = "Results.Field.DoneOn")]
    public DateOnly? DoneOn { get; set; }

    [StringLength(ResultRules.TextMax, ErrorMessage = V.MaxLength), Display(Name = "Results.Field.Evidence")]
    public string? Evidence { get; set; }
}
