using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Account;

public sealed class LoginWithRecoveryCodeModel(SignInManager<AgoraUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), StringLength(20, ErrorMessage = V.MaxLength), Display(Name = "Field.RecoveryCode")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() == null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() == null)
            return RedirectToPage("Login");
        if (!ModelState.IsValid)
            return Page();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        ModelState.AddModelError("Input.Code", result.IsLockedOut ? l["Login.LockedOut"] : l["LoginRecovery.Invalid"]);
        return Page();
    }
}
