using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Legal;

/// <summary>
/// The accessibility feedback form. Anyone may write, signed in or not; the report is stored and every active
/// administrator gets it by e-mail in their language, in the same transaction.
/// </summary>
public sealed class FeedbackModel(AgoraDb db, Outbox outbox, PublicLinks links, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FeedbackInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class FeedbackInput
    {
        [StringLength(100, ErrorMessage = V.MaxLength), Display(Name = "Field.YourName")]
        public string? Name { get; set; }

        [EmailAddress(ErrorMessage = V.Email), StringLength(256, ErrorMessage = V.MaxLength), Display(Name = "Field.EmailForReply")]
        public string? Email { get; set; }

        [StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "Field.PageAddress")]
        public string? PageAddress { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(4000, ErrorMessage = V.MaxLength), Display(Name = "Field.Problem")]
        public string Description { get; set; } = "";

        [StringLength(200, ErrorMessage = V.MaxLength), Display(Name = "Field.AssistiveTechnology")]
        public string? AssistiveTechnology { get; set; }
    }

    public void OnGet(string? page) => Input.PageAddress = page;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "bg";
        var feedback = new AccessibilityFeedback
        {
            Name = Input.Name?.Trim(),
            Email = Input.Email?.Trim(),
            PageAddress = Input.PageAddress?.Trim(),
            Description = Input.Description.Trim(),
            AssistiveTechnology = Input.AssistiveTechnology?.Trim(),
            Culture = culture,
            UserId = User.UserId(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(feedback);
        var administrators = await db.Users
            .Where(u => u.DeletedAt == null && u.BlockedAt == null && u.Email != null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)))
            .Select(u => new { u.Email, u.PreferredCulture, u.DisplayName })
            .ToListAsync(ct);
        foreach (var admin in administrators)
        {
            outbox.Enqueue(admin.Email!, admin.PreferredCulture, t => new EmailContent(
                t["Email.AccessibilityFeedback.Subject"],
                [
                    t["Email.Greeting", admin.DisplayName],
                    t["Email.AccessibilityFeedback.Body"],
                    t["Email.AccessibilityFeedback.Page", string.IsNullOrEmpty(feedback.PageAddress) ? "—" : feedback.PageAddress],
                    t["Email.AccessibilityFeedback.From", feedback.Name ?? "—", feedback.Email ?? "—"],
                    t["Email.AccessibilityFeedback.Technology", feedback.AssistiveTechnology ?? "—"],
                    feedback.Description,
                    t["Email.AccessibilityFeedback.Deadline"],
                ])
            {
                ActionText = t["Email.AccessibilityFeedback.Action"],
                ActionUrl = links.Absolute("/accessibility"),
            });
        }
        await db.SaveChangesAsync(ct);
        Sent = true;
        ModelState.Clear();
        Input = new FeedbackInput();
        return Page();
    }
}
