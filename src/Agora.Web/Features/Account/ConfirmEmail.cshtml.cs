using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Account;

public sealed class ConfirmEmailModel(UserManager<AgoraUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountEmails.Decode(code);
        var user = userId == null || token == null ? null : await users.FindByIdAsync(userId);
        if (user == null || user.DeletedAt != null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Confirmed = (await users.ConfirmEmailAsync(user, token!)).Succeeded;
        if (!Confirmed)
            Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
