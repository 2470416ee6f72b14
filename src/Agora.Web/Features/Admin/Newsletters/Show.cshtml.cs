using Agora.Web.Features.Newsletter;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Newsletters;

/// <summary>Preview in both languages with the number of recipients; send once.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ShowModel(AgoraDb db, NewsletterService newsletter, IStringLocalizer<SharedResource> l) : PageModel
{
    public NewsletterIssue Issue { get; private set; } = default!;
    public string AudienceLabel { get; private set; } = "";
    public string? ProcessTitle { get; private set; }
    public int RecipientCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSendAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Set<NewsletterIssue>().AnyAsync(i => i.Id == id, ct))
            return NotFound();
        var count = await newsletter.SendAsync(id, User, ct);
        TempData["Status"] = count is int n
            ? l["Newsletter.Admin.SentStatus", n].Value
            : l["Newsletter.Admin.AlreadySent"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var issue = await db.Set<NewsletterIssue>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (issue == null)
            return false;
        Issue = issue;
        AudienceLabel = newsletter.Audience(issue.AudienceKey)?.Label ?? issue.AudienceKey;
        if (issue.ProcessId is Guid pid)
        {
            var title = await db.Set<Process>().Where(p => p.Id == pid).Select(p => new LocalizedText(p.Title.Bg, p.Title.En)).FirstOrDefaultAsync(ct);
            ProcessTitle = title?.Current;
        }
        if (issue.SentAt == null)
            RecipientCount = (await newsletter.RecipientsAsync(issue, ct)).Count;
        return true;
    }
}
