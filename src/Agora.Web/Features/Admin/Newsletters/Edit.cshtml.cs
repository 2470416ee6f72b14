using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Newsletter;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Newsletters;

/// <summary>Write or change an issue that has not been sent; saving leads to the preview, where it is sent.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(AgoraDb db, NewsletterService newsletter, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public IssueInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> AudienceItems { get; private set; } = [];
    public IEnumerable<SelectListItem> ProcessItems { get; private set; } = [];

    public sealed class IssueInput
    {
        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Newsletter.Field.SubjectBg")]
        public string SubjectBg { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "Newsletter.Field.SubjectEn")]
        public string SubjectEn { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(50000, ErrorMessage = V.MaxLength), Display(Name = "Newsletter.Field.BodyBg")]
        public string BodyBg { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(50000, ErrorMessage = V.MaxLength), Display(Name = "Newsletter.Field.BodyEn")]
        public string BodyEn { get; set; } = "";

        [Required(ErrorMessage = V.Required), Display(Name = "Newsletter.Field.Audience")]
        public string Audience { get; set; } = SubscribersAudience.AudienceKey;

        [Display(Name = "Newsletter.Field.Process")]
        public Guid? ProcessId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is Guid existing)
        {
            var issue = await db.Set<NewsletterIssue>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == existing, ct);
            if (issue == null)
                return NotFound();
            if (issue.SentAt != null)
                return RedirectToPage("Show", new { id = existing });
            Input = new IssueInput
            {
                SubjectBg = issue.Subject.Bg,
                SubjectEn = issue.Subject.En,
                BodyBg = issue.Body.Bg,
                BodyEn = issue.Body.En,
                Audience = issue.AudienceKey,
                ProcessId = issue.ProcessId,
            };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var audience = newsletter.Audience(Input.Audience);
        if (audience == null)
            ModelState.AddModelError("Input.Audience", l["Validation.ValueInvalidPlain"]);
        else if (audience.RequiresProcess && Input.ProcessId == null)
            ModelState.AddModelError("Input.ProcessId", l["Newsletter.Field.ProcessRequired"]);
        if (Input.ProcessId is Guid pid && !await db.Set<Process>().AnyAsync(p => p.Id == pid, ct))
            ModelState.AddModelError("Input.ProcessId", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        NewsletterIssue? issue;
        if (id is Guid existing)
        {
            issue = await db.Set<NewsletterIssue>().FirstOrDefaultAsync(i => i.Id == existing, ct);
            if (issue == null)
                return NotFound();
            if (issue.SentAt != null)
                return RedirectToPage("Show", new { id = existing }); // a sent issue is a record: it no longer changes
        }
        else
        {
            issue = new NewsletterIssue { CreatedAt = now, CreatedById = User.UserId() };
            db.Add(issue);
        }
        issue.Subject = new(Input.SubjectBg.Trim(), Input.SubjectEn.Trim());
        issue.Body = new(Input.BodyBg.Trim(), Input.BodyEn.Trim());
        issue.AudienceKey = audience!.Key;
        issue.ProcessId = audience.RequiresProcess ? Input.ProcessId : null;
        issue.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Show", new { id = issue.Id });
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        AudienceItems = newsletter.Audiences.Select(a => new SelectListItem(l[a.Label], a.Key)).ToList();
        var processes = await db.Set<Process>().AsNoTracking().OrderByDescending(p => p.StartsOn)
            .Select(p => new { p.Id, p.Title.Bg, p.Title.En }).ToListAsync(ct);
        ProcessItems = new[] { new SelectListItem(l["Newsletter.Field.NoProcess"], "") }
            .Concat(processes.Select(p => new SelectListItem(new LocalizedText(p.Bg, p.En).Current, p.Id.ToString())))
            .ToList();
    }
}
