using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Agora.Web.Features.Commitments;

/// <summary>The pledge form, for a new commitment and for editing one.</summary>
public sealed class CommitmentInput
{
    /// <summary>An organisation id, or "municipality" for the municipality's own pledge. Chosen once, on pledging.</summary>
    [Display(Name = "Commitments.Field.Party")]
    public string? Party { get; set; }

    [Required(ErrorMessage = V.Required), StringLength(CommitmentRules.TitleMax, MinimumLength = 5, ErrorMessage = V.Length)]
    [Display(Name = "Commitments.Field.Title")]
    public string Title { get; set; } = "";

    [StringLength(CommitmentRules.DescriptionMax, ErrorMessage = V.MaxLength), Display(Name = "Commitments.Field.Description")]
    public string? Description { get; set; }

    [Display(Name = "Commitments.Field.Brings")]
    public List<string> Brings { get; set; } = [];

    [Required(ErrorMessage = V.Required), Display(Name = "Commitments.Field.DueOn")]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Commitments.Field.Need")]
    public Guid? Need { get; set; }

    [Display(Name = "Commitments.Field.Event")]
    public Guid? Event { get; set; }

    public static CommitmentInput From(Commitment c) => new()
    {
        Party = c.OrganizationId?.ToString() ?? IndexModel.Municipality,
        Title = c.Title,
        Description = c.Description,
        Brings = CommitmentRules.Each(c.Brings).Select(r => r.ToString()).ToList(),
        DueOn = c.DueOn,
        Need = c.NeedId,
        Event = c.EventId,
    };

    /// <summary>The ticked resources as a set; unknown values are ignored (a hand-made post cannot add kinds).</summary>
    public CommitmentResources BringsSet =>
        Brings.Aggregate(CommitmentResources.None, (set, b) =>
            Enum.TryParse<CommitmentResources>(b, false, out var r) && Enum.IsDefined(r) ? set | r : set);

    public static IEnumerable<SelectListItem> BringsItems(Func<string, string> label) =>
        CommitmentRules.Each((CommitmentResources)63).Select(r => new SelectListItem(label("Commitments.Brings." + r), r.ToString()));
}

/// <summary>A status change with an optional note, or a progress note alone.</summary>
public sealed class UpdateInput
{
    [StringLength(CommitmentRules.UpdateMax, ErrorMessage = V.MaxLength), Display(Name = "Commitments.Field.UpdateText")]
    public string? Text { get; set; }

    [Display(Name = "Commitments.Field.Status")]
    public CommitmentStatus? Status { get; set; }
}
