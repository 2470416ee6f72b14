using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Newsletter;

/// <summary>Subscribing with double opt-in, leaving, and sending an issue exactly once.</summary>
public sealed class NewsletterService(
    AgoraDb db, Outbox outbox, PublicLinks links, UnsubscribeTokens tokens, AuditLog audit, TimeProvider clock,
    IEnumerable<INewsletterAudience> audiences)
{
    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan ConfirmFor = TimeSpan.FromDays(7);

    public IReadOnlyList<INewsletterAudience> Audiences { get; } = audiences.ToList();

    public INewsletterAudience? Audience(string? key) => Audiences.FirstOrDefault(a => a.Key == key);

    /// <summary>
    /// Sends a confirmation link unless the address is already confirmed. The caller shows the same answer in
    /// every case, so the form does not tell anyone whether an address is subscribed.
    /// </summary>
    public async Task SubscribeAsync(string email, string culture, CancellationToken ct)
    {
        var normalized = NewsletterSubscriber.Normalize(email);
        var lang = Cultures.Get(culture).Name;
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.Set<NewsletterSubscriber>().FirstOrDefaultAsync(s => s.Email == normalized, ct);
        if (subscriber?.Status == SubscriptionStatus.Confirmed)
            return;
        if (subscriber == null)
        {
            subscriber = new NewsletterSubscriber { Email = normalized, CreatedAt = now };
            db.Add(subscriber);
        }
        subscriber.Status = SubscriptionStatus.Pending;
        subscriber.Culture = lang;
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        subscriber.ConfirmTokenHash = Hash(token);
        subscriber.ConfirmSentAt = now;
        var url = links.Absolute(QueryHelpers.AddQueryString("/newsletter/confirm", "token", token));
        // Capped per address: the form takes any address, so it must not become a way to flood one.
        await outbox.EnqueueCappedAsync(MailKinds.NewsletterConfirm, null, normalized, lang, l => new EmailContent(
            l["Newsletter.Confirm.Subject"], [l["Newsletter.Confirm.Body"], l["Email.IgnoreIfNotYou"]])
        {
            ActionText = l["Newsletter.Confirm.Action"],
            ActionUrl = url,
        }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two forms for a new address at once: the other one created the row and sent its link.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The pending subscription a confirmation token belongs to, or null (unknown, used or expired).</summary>
    public async Task<NewsletterSubscriber?> FindPendingAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
            return null;
        var hash = Hash(token);
        var since = clock.GetUtcNow().UtcDateTime - ConfirmFor;
        return await db.Set<NewsletterSubscriber>().FirstOrDefaultAsync(s =>
            s.ConfirmTokenHash == hash && s.Status == SubscriptionStatus.Pending && s.ConfirmSentAt > since, ct);
    }

    public async Task<bool> ConfirmAsync(string? token, CancellationToken ct)
    {
        var subscriber = await FindPendingAsync(token, ct);
        if (subscriber == null)
            return false;
        subscriber.Status = SubscriptionStatus.Confirmed;
        subscriber.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
        subscriber.ConfirmTokenHash = null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Marks the address as gone. An address that was never a subscriber (it got an issue as a follower)
    /// is recorded too, so that no issue reaches it again.</summary>
    public async Task UnsubscribeAsync(string email, CancellationToken ct)
    {
        var normalized = NewsletterSubscriber.Normalize(email);
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.Set<NewsletterSubscriber>().FirstOrDefaultAsync(s => s.Email == normalized, ct);
        if (subscriber == null)
        {
            subscriber = new NewsletterSubscriber { Email = normalized, CreatedAt = now };
            db.Add(subscriber);
        }
        if (subscriber.Status == SubscriptionStatus.Unsubscribed)
            return;
        subscriber.Status = SubscriptionStatus.Unsubscribed;
        subscriber.UnsubscribedAt = now;
        subscriber.ConfirmTokenHash = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // a second click at the same moment did it already
        }
    }

    /// <summary>The addresses an issue would go to now: its audience, without duplicates or addresses that left
    /// (and have not confirmed a new subscription since).</summary>
    public async Task<IReadOnlyList<(string Email, string Culture)>> RecipientsAsync(NewsletterIssue issue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var audience = Audience(issue.AudienceKey);
        if (audience == null || (audience.RequiresProcess && issue.ProcessId == null))
            return [];
        var all = await audience.RecipientsAsync(issue.ProcessId, ct);
        var gone = (await db.Set<NewsletterSubscriber>().AsNoTracking().Where(s => s.Status != SubscriptionStatus.Confirmed && s.UnsubscribedAt != null)
            .Select(s => s.Email).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, string)>();
        foreach (var (email, culture) in all)
        {
            if (string.IsNullOrWhiteSpace(email))
                continue;
            var normalized = NewsletterSubscriber.Normalize(email);
            if (!gone.Contains(normalized) && seen.Add(normalized))
                result.Add((email.Trim(), Cultures.Get(culture).Name));
        }
        return result;
    }

    /// <summary>
    /// Sends the issue through the outbox, once: a conditional update claims it in the same transaction as the
    /// e-mails and the audit entry, so a double click or a second administrator gets null instead of a second send.
    /// </summary>
    /// <returns>The number of people written to, or null if the issue was already sent (or does not exist).</returns>
    public async Task<int?> SendAsync(Guid issueId, ClaimsPrincipal actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = actor.UserId();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<NewsletterIssue>().Where(i => i.Id == issueId && i.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.SentAt, now).SetProperty(i => i.SentById, userId), ct);
        if (claimed == 0)
            return null;
        var issue = await db.Set<NewsletterIssue>().AsNoTracking().SingleAsync(i => i.Id == issueId, ct);
        var recipients = await RecipientsAsync(issue, ct);
        foreach (var (email, culture) in recipients)
        {
            var unsubscribe = links.Absolute(QueryHelpers.AddQueryString("/newsletter/unsubscribe", "token", tokens.ForNewsletter(email)));
            outbox.Enqueue(email, culture, l => new EmailContent(issue.Subject.Current, Paragraphs(issue.Body.Current))
            {
                Footer = l["Newsletter.Mail.Footer", unsubscribe],
                Headers = UnsubscribeTokens.ListUnsubscribeHeaders(unsubscribe),
            });
        }
        var count = recipients.Count;
        await db.Set<NewsletterIssue>().Where(i => i.Id == issueId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RecipientCount, count), ct);
        audit.Record(actor, "newsletter.send", "newsletter", issueId.ToString(),
            $"{issue.AudienceKey}{(issue.ProcessId is Guid p ? " " + p : "")}: {count}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>The Markdown body as text paragraphs: e-mails carry the source, which reads well as plain text.</summary>
    public static IReadOnlyList<string> Paragraphs(string markdown) =>
        markdown.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
