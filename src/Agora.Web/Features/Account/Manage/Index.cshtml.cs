using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Account.Manage;

public sealed class IndexModel(UserManager<AgoraUser> users, SignInManager<AgoraUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Email { get; private set; } = "";

    public IEnumerable<SelectListItem> Languages =>
    [
        new("Български", Cultures.Bulgarian),
        new("English", Cultures.English),
    ];

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), StringLength(100, MinimumLength = 2, ErrorMessage = V.Length)]
        [Display(Name = "Field.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = V.Required), Display(Name = "Field.Language")]
        public string PreferredCulture { get; set; } = "bg";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        Email = user.Email ?? "";
        Input = new InputModel { DisplayName = user.DisplayName, PreferredCulture = user.PreferredCulture };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        Email = user.Email ?? "";
        if (!Cultures.IsSupported(Input.PreferredCulture))
            ModelState.AddModelError("Input.PreferredCulture", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
            return Page();
        user.DisplayName = Input.DisplayName.Trim();
        user.PreferredCulture = Input.PreferredCulture;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = l["Manage.Saved"].Value;
        return RedirectToPage();
    }
}
