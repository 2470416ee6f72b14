using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Organizations;

/// <summary>The profile form, shared by "new" (administrators) and "edit" (administrators and representatives).</summary>
public sealed class OrganizationInput
{
    [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Field.NameBg")]
    public string NameBg { get; set; } = "";

    [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Field.NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = V.Required), Display(Name = "Organizations.Kind")]
    public OrganizationKind? Kind { get; set; }

    [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Sectors")]
    public string? Sectors { get; set; }

    [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Website")]
    public string? Website { get; set; }

    [StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Field.DescriptionBg")]
    public string? DescriptionBg { get; set; }

    [StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Field.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [EmailAddress(ErrorMessage = V.Email), StringLength(256, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Contact")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Organizations.Field.Listed")]
    public bool Listed { get; set; } = true;

    public static OrganizationInput From(Organization o) => new()
    {
        NameBg = o.Name.Bg,
        NameEn = o.Name.En,
        Kind = o.Kind,
        Sectors = o.Sectors,
        Website = o.Website,
        DescriptionBg = o.Description.Bg,
        DescriptionEn = o.Description.En,
        ContactEmail = o.ContactEmail,
        Listed = o.Listed,
    };

    /// <summary>Checks what attributes cannot (the website) and copies the input onto the organisation.</summary>
    public bool TryApply(Organization o, bool mayList, ModelStateDictionary state, IStringLocalizer<SharedResource> l, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(l);
        if (!Websites.TryNormalize(Website, out var website))
            state.AddModelError("Input.Website", l["Organizations.WebsiteInvalid"]);
        if (!state.IsValid)
            return false;
        o.Name = new LocalizedText(NameBg.Trim(), NameEn?.Trim() ?? "");
        o.Kind = Kind!.Value;
        o.Sectors = string.Join(", ", IndexModel.SplitSectors(Sectors ?? "").Distinct(StringComparer.CurrentCultureIgnoreCase));
        o.Website = website;
        o.Description = new LocalizedText(DescriptionBg?.Trim() ?? "", DescriptionEn?.Trim() ?? "");
        o.ContactEmail = string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim();
        if (mayList)
            o.Listed = Listed;
        o.UpdatedAt = now;
        return true;
    }

    public static IEnumerable<SelectListItem> KindItems(IStringLocalizer l, bool withEmpty = true)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (withEmpty)
            yield return new SelectListItem(l["Organizations.ChooseKind"], "");
        foreach (var k in Enum.GetValues<OrganizationKind>())
            yield return new SelectListItem(l["Organizations.Kind." + k], k.ToString());
    }
}

/// <summary>What the shared form partial needs.</summary>
public sealed record OrganizationFormView(OrganizationInput Input, bool MayList, string CancelUrl);
