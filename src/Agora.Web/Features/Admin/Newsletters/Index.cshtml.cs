using Agora.Web.Features.Newsletter;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Admin.Newsletters;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AgoraDb db, NewsletterService newsletter) : PageModel
{
    public const int PageSize = 25;

    // From the query only: "page" is also the route value naming the Razor Page, which would win.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public sealed record Row(Guid Id, LocalizedText Subject, string AudienceKey, DateTime CreatedAt, DateTime? SentAt, int? RecipientCount);

    public IReadOnlyList<Row> Issues { get; private set; } = [];
    public int Pages { get; private set; } = 1;
    public int Confirmed { get; private set; }
    public int Pending { get; private set; }

    public string AudienceLabel(string key) => newsletter.Audience(key)?.Label ?? key;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Paging.Clamp(PageNumber);
        var subscribers = db.Set<NewsletterSubscriber>().AsNoTracking();
        Confirmed = await subscribers.CountAsync(s => s.Status == SubscriptionStatus.Confirmed, ct);
        Pending = await subscribers.CountAsync(s => s.Status == SubscriptionStatus.Pending, ct);
        var total = await db.Set<NewsletterIssue>().CountAsync(ct);
        Pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        Issues = await db.Set<NewsletterIssue>().AsNoTracking().OrderByDescending(i => i.CreatedAt)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(i => new Row(i.Id, new LocalizedText(i.Subject.Bg, i.Subject.En), i.AudienceKey, i.CreatedAt, i.SentAt, i.RecipientCount))
            .ToListAsync(ct);
    }
}
