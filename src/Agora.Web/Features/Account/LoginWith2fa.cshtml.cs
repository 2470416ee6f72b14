using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Account;

public sealed class LoginWith2faModel(SignInManager<AgoraUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), StringLength(7, MinimumLength = 6, ErrorMessage = V.Length)]
        [Display(Name = "Field.AuthenticatorCode")]
        public string Code { get; set; } = "";

        [Display(Name = "Field.RememberMachine")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() == null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() == null)
            return RedirectToPage("Login");
        if (!ModelState.IsValid)
            return Page();
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        if (result.Succeeded)
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        ModelState.AddModelError("Input.Code", result.IsLockedOut ? l["Login.LockedOut"] : l["Login2fa.Invalid"]);
        return Page();
    }
}
