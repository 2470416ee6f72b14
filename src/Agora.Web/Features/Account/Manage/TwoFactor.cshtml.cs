using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Agora.Web.Features.Account.Manage;

/// <summary>TOTP two-factor sign-in with recovery codes; staff cannot turn it off. Turning it on or off and new recovery
/// codes ask again for the password (or, once it is on, a current code): a session alone is not enough.</summary>
public sealed class TwoFactorModel(UserManager<AgoraUser> users, SignInManager<AgoraUser> signIn, Reauthentication reauthentication,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public ConfirmInput Confirm { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Enabled { get; private set; }
    public bool IsStaff { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), StringLength(7, MinimumLength = 6, ErrorMessage = V.Length)]
        [Display(Name = "Field.AuthenticatorCode")]
        public string Code { get; set; } = "";
    }

    public sealed class ConfirmInput
    {
        /// <summary>Turning two-factor on: the password.</summary>
        [DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
        public string? Password { get; set; }

        /// <summary>Once it is on: the password or a current code.</summary>
        [DataType(DataType.Password), Display(Name = "Field.CurrentSecret")]
        public string? Secret { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        if (!await reauthentication.ConfirmAsync(user, Confirm.Password, allowCode: false))
        {
            ModelState.AddModelError("Confirm.Password", l["Identity.PasswordMismatch"]);
            await LoadAsync(user);
            return Page();
        }
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", l["Login2fa.Invalid"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        ModelState.Clear();
        if (user.TwoFactorEnabled)
        {
            if (await reauthentication.ConfirmAsync(user, Confirm.Secret))
                NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
            else
                ModelState.AddModelError("Confirm.Secret", l["Reauth.Wrong"]);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user == null)
            return Challenge();
        ModelState.Clear();
        if (await IsStaffAsync(user))
        {
            ModelState.AddModelError("", l["TwoFactor.StaffCannotDisable"]);
            await LoadAsync(user);
            return Page();
        }
        if (!await reauthentication.ConfirmAsync(user, Confirm.Secret))
        {
            ModelState.AddModelError("Confirm.Secret", l["Reauth.Wrong"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = l["TwoFactor.Disabled"].Value;
        return RedirectToPage();
    }

    private async Task<bool> IsStaffAsync(AgoraUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => Roles.Staff.Contains(r));
    }

    private async Task LoadAsync(AgoraUser user)
    {
        Enabled = user.TwoFactorEnabled;
        IsStaff = await IsStaffAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp; re-issue this browser's cookie so the person stays signed in.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = FormatKey(key);
        var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString("Agora Sofia"), Uri.EscapeDataString(user.Email ?? ""), key);
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>Groups of four, lower case: easier to type into an app by hand.</summary>
    private static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
