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

        // Identity reports lockout and unconfirmed e-mail before it checks the password. While an account is locked the
        // answer must not depend on the password (else guessing goes on through the lock), and it must not differ from
        // a wrong password's (else the form tells which addresses have accounts): the password is not even checked.
        // A blocked account says so whatever the password, which reveals only that an administrator blocked it.
        var user = await users.FindByEmailAsync(email);
        // An unconfirmed account is refused before its lock is looked at, so look here.
        if (result.IsLockedOut || (result.IsNotAllowed && user != null && await users.IsLockedOutAsync(user)))
            ModelState.AddModelError("", user is { IsBlocked: true } ? l["Login.Blocked"] : l["Login.Invalid"]);
        else if (result.IsNotAllowed && user != null && await users.CheckPasswordAsync(user, Input.Password))
        {
            // Only someone who knows the password learns that the address still needs confirming.
            ModelState.AddModelError("", l["Login.NotConfirmed"]);
            ShowResend = true;
        }
        else
        {
            // A wrong password for an unconfirmed account counts towards the lock like any other.
            if (result.IsNotAllowed && user != null)
                await users.AccessFailedAsync(user);
            ModelState.AddModelError("", l["Login.Invalid"]);
        }
        return Page();
    }
}
