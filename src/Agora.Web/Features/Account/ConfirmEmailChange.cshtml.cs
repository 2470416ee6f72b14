using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Account;

public sealed class ConfirmEmailChangeModel(UserManager<AgoraUser> users, SignInManager<AgoraUser> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        var token = AccountEmails.Decode(code);
        var user = userId == null ? null : await users.FindByIdAsync(userId);
        if (user == null || email == null || token == null || user.DeletedAt != null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // ChangeEmailAsync updates the security stamp: sessions elsewhere end; this browser signs in again.
        var result = await users.ChangeEmailAsync(user, email, token);
        if (result.Succeeded)
            result = await users.SetUserNameAsync(user, email);
        Changed = result.Succeeded;
        if (!Changed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (User.Identity?.IsAuthenticated == true)
            await signIn.RefreshSignInAsync(user);
    }
}
