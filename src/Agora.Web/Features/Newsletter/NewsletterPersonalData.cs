using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Newsletter;

/// <summary>The bulletin subscription of the account's address, if any.</summary>
public sealed class NewsletterPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "newsletter";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (email == null)
            return null;
        var normalized = NewsletterSubscriber.Normalize(email);
        return await db.Set<NewsletterSubscriber>().AsNoTracking().Where(s => s.Email == normalized)
            .Select(s => new { s.Email, s.Culture, Status = s.Status.ToString(), s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt })
            .FirstOrDefaultAsync(ct);
    }
}
