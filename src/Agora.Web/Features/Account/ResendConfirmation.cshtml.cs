using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Account;

public sealed class ResendConfirmationModel(UserManager<AgoraUser> users, AccountEmails emails, AgoraDb db) : PageModel
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
        // The same answer whether or not the account exists, so the form cannot be used to find accounts.
        if (user != null && !user.EmailConfirmed && user.DeletedAt == null)
        {
            await emails.QueueConfirmationAsync(user);
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}

public sealed class EmailInput
{
    [Required(ErrorMessage = V.Required), EmailAddress(ErrorMessage = V.Email), StringLength(256, ErrorMessage = V.MaxLength)]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";
}
