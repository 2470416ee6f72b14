using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Account.Manage;

/// <summary>A new address for the account; asks again for the password (or a current code), since whoever controls the
/// address can reset the password.</summary>
public sealed class EmailModel(UserManager<AgoraUser> users, AccountEmails emails, AgoraDb db, Reauthentication reauthentication,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), EmailAddress(ErrorMessage = V.Email), StringLength(256, ErrorMessage = V.MaxLength)]
        [Display(Name = "Field.NewEmail")]
        public string NewEmail { get; set; } = "";

        [Required(ErrorMessage = V.Required), DataType(DataType.Password), Display(Name = "Field.CurrentSecret")]
        public string CurrentSecret { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        CurrentEmail = user.Email ?? "";
        if (!ModelState.IsValid)
            return Page();
        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", l["Manage.EmailUnchanged"]);
            return Page();
        }
        if (!await reauthentication.ConfirmAsync(user, Input.CurrentSecret))
        {
            ModelState.AddModelError("Input.CurrentSecret", l["Reauth.Wrong"]);
            return Page();
        }
        // The address changes only when the link sent to the new address is opened. An address that already has
        // an account gets no link (ChangeEmailAsync would refuse it anyway), but the answer is the same, so the
        // form cannot be used to find out who has an account.
        if (await users.FindByEmailAsync(newEmail) == null)
        {
            await emails.QueueEmailChangeAsync(user, newEmail);
            await db.SaveChangesAsync();
        }
        TempData["Status"] = l["Manage.EmailSent", newEmail].Value;
        return RedirectToPage();
    }
}
