using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Account;

public sealed class RegisterModel(UserManager<AgoraUser> users, AccountEmails emails, AgoraDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), EmailAddress(ErrorMessage = V.Email), StringLength(256, ErrorMessage = V.MaxLength)]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(100, MinimumLength = 2, ErrorMessage = V.Length)]
        [Display(Name = "Field.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 10, ErrorMessage = V.Length)]
        [DataType(DataType.Password), Display(Name = "Field.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = V.Required), Compare(nameof(Password), ErrorMessage = V.Compare)]
        [DataType(DataType.Password), Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";

        [MustBeTrue(ErrorMessage = V.MustAccept), Display(Name = "Field.AcceptTerms")]
        public bool AcceptTerms { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var email = Input.Email.Trim();
        var user = new AgoraUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "bg",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The account and its confirmation e-mail commit together: no account without its e-mail.
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, Input.Password);
        var taken = result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName");
        if (!result.Succeeded && !taken)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", e.Description);
            return Page();
        }
        if (taken)
        {
            // Same answer as a new sign-up, so the form does not reveal who has an account; the owner is told instead.
            var owner = await users.FindByEmailAsync(email);
            if (owner != null)
                await emails.QueueAlreadyRegisteredAsync(owner);
        }
        else
            await emails.QueueConfirmationAsync(user);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return RedirectToPage("RegisterConfirmation", new { email });
    }
}
