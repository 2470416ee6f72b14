using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Moderation;

/// <summary>Reporting (сигнал за нарушение) a proposal, comment or other content, with a reason.</summary>
[Authorize]
public sealed class ReportContentModel(ModerationService moderation, Participants participants, IStringLocalizer<SharedResource> l) : PageModel
{
    public ModeratedItem Item { get; private set; } = default!;
    public string? Refusal { get; private set; }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public sealed class ReportInput
    {
        [Required(ErrorMessage = V.Required), Display(Name = "Moderation.Reason")]
        public ReportReason? Reason { get; set; }

        [StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "Moderation.Details")]
        public string? Details { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string type, Guid id, CancellationToken ct) =>
        await LoadAsync(type, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string type, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(type, id, ct))
            return NotFound();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            Refusal = refusal;
            return Page();
        }
        if (Input.Reason is ReportReason r && !Enum.IsDefined(r))
            ModelState.AddModelError("Input.Reason", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
            return Page();
        var added = await moderation.ReportAsync(moderation.Content(type)!, Item, actor.Id, Input.Reason!.Value, Input.Details ?? "", ct);
        TempData["Status"] = l[added ? "Moderation.Reported" : "Moderation.AlreadyReported"].Value;
        return Redirect(Item.Url);
    }

    private async Task<bool> LoadAsync(string type, Guid id, CancellationToken ct)
    {
        if (moderation.Content(type) is not { } content)
            return false;
        var found = await content.FindAsync([id], User, ct);
        if (!found.TryGetValue(id, out var item) || item.HiddenAt != null)
            return false;
        Item = item;
        return true;
    }
}
