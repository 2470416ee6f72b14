using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Processes;

public sealed class PhaseInput
{
    [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Field.PhaseTitleBg")]
    public string TitleBg { get; set; } = "";

    [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Field.PhaseTitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(20_000, ErrorMessage = V.MaxLength), Display(Name = "Field.DescriptionBg")]
    public string? DescriptionBg { get; set; }

    [StringLength(20_000, ErrorMessage = V.MaxLength), Display(Name = "Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [Required(ErrorMessage = V.Required), Display(Name = "Field.StartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = V.Required), Display(Name = "Field.EndsOn")]
    public DateOnly? EndsOn { get; set; }

    public static PhaseInput From(Phase p) => new()
    {
        TitleBg = p.Title.Bg,
        TitleEn = p.Title.En,
        DescriptionBg = p.Description.Bg,
        DescriptionEn = p.Description.En,
        StartsOn = p.StartsOn,
        EndsOn = p.EndsOn,
    };

    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(l);
        if (StartsOn is DateOnly s && EndsOn is DateOnly e && e < s)
            state.AddModelError(prefix + nameof(EndsOn), l["Process.EndsBeforeStart"]);
    }

    public void ApplyTo(Phase p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Title = new(TitleBg.Trim(), TitleEn?.Trim() ?? "");
        p.Description = new(DescriptionBg ?? "", DescriptionEn ?? "");
        p.StartsOn = StartsOn!.Value;
        p.EndsOn = EndsOn!.Value;
    }

    /// <summary>Phases read in date order; positions follow the dates so the timeline never contradicts them.</summary>
    public static void Renumber(IEnumerable<Phase> phases)
    {
        var n = 0;
        foreach (var p in phases.OrderBy(p => p.StartsOn).ThenBy(p => p.EndsOn).ThenBy(p => p.Position))
            p.Position = n++;
    }
}
