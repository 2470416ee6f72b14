using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Account;

public sealed class ForgotPasswordModel(UserManager<AgoraUser> users, AccountEmails emails, AgoraDb db) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        // Same answer whether or not the account exists: the form does not reveal who has an account.
        if (user != null && user.EmailConfirmed && user.DeletedAt == null)
        {
            await emails.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
