using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Account;

public sealed class ResetPasswordModel(UserManager<AgoraUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class InputModel
    {
        [Required] public string UserId { get; set; } = "";
        [Required] public string Code { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 10, ErrorMessage = V.Length)]
        [DataType(DataType.Password), Display(Name = "Field.NewPassword")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = V.Required), Compare(nameof(Password), ErrorMessage = V.Compare)]
        [DataType(DataType.Password), Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public IActionResult OnGet(string? userId, string? code)
    {
        if (userId == null || code == null)
            return BadRequest();
        Input = new InputModel { UserId = userId, Code = code };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.FindByIdAsync(Input.UserId);
        var token = AccountEmails.Decode(Input.Code);
        if (user == null || token == null || user.DeletedAt != null)
        {
            ModelState.AddModelError("", l["Identity.InvalidToken"]);
            return Page();
        }
        // Resetting also changes the security stamp: every signed-in session of this account ends.
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", e.Description);
            return Page();
        }
        // Whoever opened the e-mailed link controls the address: a temporary lock ends (an administrator's block does not).
        await users.ResetAccessFailedCountAsync(user);
        if (!user.IsBlocked)
            await users.SetLockoutEndDateAsync(user, null);
        Done = true;
        return Page();
    }
}
