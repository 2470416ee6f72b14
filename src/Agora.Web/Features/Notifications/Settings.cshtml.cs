using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Notifications;

/// <summary>What a person wants to be told, and whether by e-mail at once, in a daily digest or not at all.</summary>
[Authorize]
public sealed class SettingsModel(AgoraDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public sealed class SettingsInput
    {
        [Display(Name = "Notifications.EmailMode")] public EmailMode Email { get; set; }
        [Display(Name = "Notifications.Kind.Replies")] public bool Replies { get; set; } = true;
        [Display(Name = "Notifications.Kind.MyProposals")] public bool MyProposals { get; set; } = true;
        [Display(Name = "Notifications.Kind.Followed")] public bool Followed { get; set; } = true;
    }

    public IEnumerable<SelectListItem> Modes => Enum.GetValues<EmailMode>().Select(m => new SelectListItem(l["Notifications.EmailMode." + m], m.ToString()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        var s = await db.Set<NotificationSettings>().AsNoTracking().FirstOrDefaultAsync(x => x.UserId == me, ct) ?? new NotificationSettings();
        Input = new SettingsInput { Email = s.Email, Replies = s.Replies, MyProposals = s.MyProposals, Followed = s.Followed };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Input.Email))
            ModelState.AddModelError("Input.Email", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
            return Page();
        var me = User.UserId()!.Value;
        var s = await db.Set<NotificationSettings>().FirstOrDefaultAsync(x => x.UserId == me, ct);
        if (s == null)
            db.Add(s = new NotificationSettings { UserId = me });
        s.Email = Input.Email;
        s.Replies = Input.Replies;
        s.MyProposals = Input.MyProposals;
        s.Followed = Input.Followed;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Notifications.Saved"].Value;
        return RedirectToPage();
    }
}
