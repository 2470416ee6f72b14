using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Processes;

/// <summary>The fields of a process as its create and manage forms post them (both languages side by side).</summary>
public sealed class ProcessInput
{
    [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Field.TitleBg")]
    public string TitleBg { get; set; } = "";

    [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Field.TitleEn")]
    public string? TitleEn { get; set; }

    [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Field.SubtitleBg")]
    public string? SubtitleBg { get; set; }

    [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Field.SubtitleEn")]
    public string? SubtitleEn { get; set; }

    [Required(ErrorMessage = V.Required), StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "Field.SummaryBg")]
    public string SummaryBg { get; set; } = "";

    [StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "Field.SummaryEn")]
    public string? SummaryEn { get; set; }

    [StringLength(50_000, ErrorMessage = V.MaxLength), Display(Name = "Field.DescriptionBg")]
    public string? DescriptionBg { get; set; }

    [StringLength(50_000, ErrorMessage = V.MaxLength), Display(Name = "Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Field.ThemeBg")]
    public string? ThemeBg { get; set; }

    [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Field.ThemeEn")]
    public string? ThemeEn { get; set; }

    [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "Field.HeroBg")]
    public string? HeroBg { get; set; }

    [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "Field.HeroEn")]
    public string? HeroEn { get; set; }

    [Required(ErrorMessage = V.Required), Display(Name = "Field.StartsOn")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = V.Required), Display(Name = "Field.EndsOn")]
    public DateOnly? EndsOn { get; set; }

    [Display(Name = "Field.Scope")]
    public List<string> Districts { get; set; } = [];

    [Display(Name = "Field.Components")]
    public List<string> Components { get; set; } = [];

    [StringLength(200, ErrorMessage = V.MaxLength), Display(Name = "Field.Slug")]
    public string? Slug { get; set; }

    public static ProcessInput From(Process p) => new()
    {
        TitleBg = p.Title.Bg,
        TitleEn = p.Title.En,
        SubtitleBg = p.Subtitle.Bg,
        SubtitleEn = p.Subtitle.En,
        SummaryBg = p.Summary.Bg,
        SummaryEn = p.Summary.En,
        DescriptionBg = p.Description.Bg,
        DescriptionEn = p.Description.En,
        ThemeBg = p.Theme.Bg,
        ThemeEn = p.Theme.En,
        HeroBg = p.HeroText.Bg,
        HeroEn = p.HeroText.En,
        StartsOn = p.StartsOn,
        EndsOn = p.EndsOn,
        Districts = [.. p.ScopeDistricts],
        Components = [.. p.Components.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Slug = p.Slug,
    };

    /// <summary>Checks what attributes cannot: dates in order, known districts and components, a well-formed slug.</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer<SharedResource> l, IEnumerable<ProcessComponent> known)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(l);
        // An empty hidden value or an untouched list arrives as blank entries.
        Districts.RemoveAll(string.IsNullOrWhiteSpace);
        Components.RemoveAll(string.IsNullOrWhiteSpace);
        if (StartsOn is DateOnly s && EndsOn is DateOnly e && e < s)
            state.AddModelError(prefix + nameof(EndsOn), l["Process.EndsBeforeStart"]);
        if (Districts.Any(d => !Processes.Districts.IsKnown(d)))
            state.AddModelError(prefix + nameof(Districts), l["Process.UnknownDistrict"]);
        if (Components.Except(known.Select(c => c.Key)).Any())
            state.AddModelError(prefix + nameof(Components), l["Process.UnknownComponent"]);
        if (!string.IsNullOrWhiteSpace(Slug) && !Slugs.IsValid(Slug.Trim()))
            state.AddModelError(prefix + nameof(Slug), l["Process.BadSlug"]);
    }

    public void ApplyTo(Process p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Title = new(TitleBg.Trim(), TitleEn?.Trim() ?? "");
        p.Subtitle = new(SubtitleBg?.Trim() ?? "", SubtitleEn?.Trim() ?? "");
        p.Summary = new(SummaryBg.Trim(), SummaryEn?.Trim() ?? "");
        p.Description = new(DescriptionBg ?? "", DescriptionEn ?? "");
        p.Theme = new(ThemeBg?.Trim() ?? "", ThemeEn?.Trim() ?? "");
        p.HeroText = new(HeroBg?.Trim() ?? "", HeroEn?.Trim() ?? "");
        p.StartsOn = StartsOn!.Value;
        p.EndsOn = EndsOn!.Value;
        // Stored in the districts' own order, so the same choice always reads the same.
        p.Scope = string.Join(',', Processes.Districts.All.Select(d => d.Key).Where(Districts.Contains));
        p.Components = string.Join(',', Components.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }
}

/// <summary>Model of the shared fields partial.</summary>
public sealed record ProcessFieldsModel(ProcessInput Input, IReadOnlyList<ProcessComponent> Known);
