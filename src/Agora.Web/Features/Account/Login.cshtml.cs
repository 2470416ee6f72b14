using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Account;

public sealed class LoginModel(SignInManager<AgoraUser> signIn, UserManager<AgoraUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowResend { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), EmailAddress(ErrorMessage = V.Email), Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = V.Required), DataType(DataType.Password), Display(Name = "Field.Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Field.RememberMe")]
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var email = Input.Email.Trim();
        var result = await signIn.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("LoginWith2fa", new { ReturnUrl, Input.RememberMe });

        // Identity reports lockout and unconfirmed e-mail before it checks the password; say so only to someone
        // who knows the password, so the form does not reveal which addresses have accounts.
        var user = await users.FindByEmailAsync(email);
        var knowsPassword = user != null && (result.IsLockedOut || result.IsNotAllowed) && await users.CheckPasswordAsync(user, Input.Password);
        if (result.IsLockedOut && knowsPassword)
            ModelState.AddModelError("", user!.IsBlocked ? l["Login.Blocked"] : l["Login.LockedOut"]);
        else if (result.IsNotAllowed && knowsPassword)
        {
            ModelState.AddModelError("", l["Login.NotConfirmed"]);
            ShowResend = true;
        }
        else
            ModelState.AddModelError("", l["Login.Invalid"]);
        return Page();
    }
}
