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

/// <summary>GDPR: download everything held about me; erase my account.</summary>
public sealed class PersonalDataModel(
    UserManager<AgoraUser> users, SignInManager<AgoraUser> signIn, PersonalDataExport export, AccountEraser eraser, AgoraDb db,
    Reauthentication reauthentication, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DeleteInput Input { get; set; } = new();

    public sealed class DeleteInput
    {
        [Required(ErrorMessage = V.Required), DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
        public string Password { get; set; } = "";

        [MustBeTrue(ErrorMessage = V.MustAccept), Display(Name = "Field.UnderstandDelete")]
        public bool Understand { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        var json = await export.ExportAsync(user.Id, ct);
        return File(json, "application/json", "agora-my-data.json");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        if (!ModelState.IsValid)
            return Page();
        if (!await reauthentication.ConfirmAsync(user, Input.Password, allowCode: false))
        {
            ModelState.AddModelError("Input.Password", l["Identity.PasswordMismatch"]);
            return Page();
        }
        if (await users.IsInRoleAsync(user, Roles.Administrator) && await LastAdministrator.ActiveAdministratorsAsync(db, ct) <= 1)
        {
            ModelState.AddModelError("", l["Admin.LastAdministrator"]);
            return Page();
        }
        await eraser.EraseAsync(user, ct);
        await signIn.SignOutAsync();
        TempData["Status"] = l["PersonalData.Deleted"].Value;
        return LocalRedirect("/");
    }
}
