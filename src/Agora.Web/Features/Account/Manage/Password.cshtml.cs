using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Account.Manage;

public sealed class PasswordModel(UserManager<AgoraUser> users, SignInManager<AgoraUser> signIn, Reauthentication reauthentication,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 10, ErrorMessage = V.Length)]
        [DataType(DataType.Password), Display(Name = "Field.NewPassword")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = V.Required), Compare(nameof(NewPassword), ErrorMessage = V.Compare)]
        [DataType(DataType.Password), Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        // The current password, checked so that wrong guesses count towards the account's lock (a code will not do here).
        if (!await reauthentication.ConfirmAsync(user, Input.CurrentPassword, allowCode: false))
        {
            ModelState.AddModelError("Input.CurrentPassword", l["Identity.PasswordMismatch"]);
            return Page();
        }
        // A new security stamp ends every other session; this one is re-issued.
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = l["Manage.PasswordChanged"].Value;
        return RedirectToPage();
    }
}
