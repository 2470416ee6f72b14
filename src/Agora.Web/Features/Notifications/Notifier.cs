using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Observability;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Notifications;

/// <summary>
/// Tells people about things: an in-app notification for each, and an e-mail right away for those who chose it.
/// Adds to the caller's unit of work: the caller saves, so the act and its notifications commit together.
/// </summary>
public sealed class Notifier(AgoraDb db, Outbox outbox, PublicLinks links, TimeProvider clock)
{
    /// <summary>Notifies the people (except <paramref name="actorId"/>, who knows what they did) who want this kind.</summary>
    public async Task NotifyAsync(IEnumerable<Guid> userIds, NotificationKind kind, string textKey, string argument, string url,
        Guid? actorId, CancellationToken ct)
    {
        var ids = userIds.Where(id => id != actorId).Distinct().ToList();
        if (ids.Count == 0)
            return;
        var allSettings = db.Set<NotificationSettings>();
        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.DeletedAt == null && u.BlockedAt == null)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.PreferredCulture,
                Settings = allSettings.FirstOrDefault(s => s.UserId == u.Id),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (argument.Length > 300)
            argument = argument[..300];
        foreach (var p in people)
        {
            var settings = p.Settings ?? new NotificationSettings();
            if (!Wants(settings, kind))
                continue;
            var immediate = settings.Email == EmailMode.Immediate && MailsAtOnce(kind) && !string.IsNullOrEmpty(p.Email);
            db.Add(new Notification
            {
                UserId = p.Id,
                Kind = kind,
                TextKey = textKey,
                Argument = argument,
                Url = url,
                CreatedAt = now,
                // Nothing left for the digest when it went out now or when e-mail is not wanted at all.
                EmailedAt = settings.Email == EmailMode.Daily ? null : now,
            });
            if (immediate)
            {
                outbox.Enqueue(p.Email!, p.PreferredCulture, l => new EmailContent(
                    l[textKey, argument], [l["Email.Greeting", p.DisplayName], l[textKey, argument]])
                {
                    ActionText = l["Notifications.Open"],
                    ActionUrl = links.Absolute(url),
                    Footer = l["Notifications.EmailFooter"],
                });
            }
        }
    }

    /// <summary>
    /// A support is small news that comes often: a popular proposal gets thousands. It shows in the app and goes into
    /// the daily digest for those who chose it, but never as an e-mail of its own; crossing the threshold does.
    /// </summary>
    public static bool MailsAtOnce(NotificationKind kind) => kind != NotificationKind.ProposalSupported;

    public static bool Wants(NotificationSettings s, NotificationKind kind) => kind switch
    {
        NotificationKind.Reply => s.Replies,
        NotificationKind.ProposalSupported or NotificationKind.ProposalThreshold or NotificationKind.ProposalAnswered => s.MyProposals,
        NotificationKind.FollowedAnswered => s.Followed,
        _ => true, // moderation decisions are always told
    };
}

/// <summary>
/// Sends each person who chose the daily digest one e-mail listing what they have not been e-mailed yet. Each person's
/// notifications are claimed by a conditional update of <see cref="Notification.EmailedAt"/> in the same transaction
/// as the digest: on several nodes only the node whose update took every one of them sends (another finds them taken
/// and sends nothing), and a failure sends nothing and marks nothing.
/// </summary>
public sealed class DigestSender(AgoraDb db, Outbox outbox, PublicLinks links, TimeProvider clock)
{
    public const int MaxItems = 50;

    /// <summary>Returns how many digests were queued.</summary>
    public async Task<int> SendAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Set<Notification>().AsNoTracking()
            .Where(n => n.EmailedAt == null && n.CreatedAt <= now)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { n.Id, n.UserId, n.TextKey, n.Argument, n.Url, n.CreatedAt, u.Email, u.DisplayName, u.PreferredCulture, u.DeletedAt, u.BlockedAt })
            .OrderBy(x => x.UserId).ThenBy(x => x.CreatedAt)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var group in pending.GroupBy(x => x.UserId))
        {
            var first = group.First();
            var deliver = first.DeletedAt == null && first.BlockedAt == null && !string.IsNullOrEmpty(first.Email);
            var ids = group.Select(x => x.Id).ToList();
            var queued = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // The claim comes first: it holds the rows (PostgreSQL) or the write lock (SQLite) until commit. If any
                // was taken meanwhile (another node's digest), roll back: the rest wait for the next digest.
                var claimed = await db.Set<Notification>().Where(n => ids.Contains(n.Id) && n.EmailedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), ct);
                if (claimed != ids.Count)
                    return false;
                if (deliver)
                {
                    var items = group.Take(MaxItems).ToList();
                    outbox.Enqueue(first.Email!, first.PreferredCulture, l => new EmailContent(
                        l["Notifications.Digest.Subject", group.Count()],
                        [l["Email.Greeting", first.DisplayName], l["Notifications.Digest.Intro"],
                         .. items.Select(i => $"{l[i.TextKey, i.Argument]} — {links.Absolute(i.Url)}")])
                    {
                        ActionText = l["Notifications.Digest.Action"],
                        ActionUrl = links.Absolute("/notifications"),
                        Footer = l["Notifications.EmailFooter"],
                    });
                    await db.SaveChangesAsync(ct);
                }
                await tx.CommitAsync(ct);
                return deliver;
            });
            if (queued)
                sent++;
        }
        return sent;
    }
}

/// <summary>Sends the digests once a day at 07:00 Sofia time; any number of nodes may run it (DigestSender claims).</summary>
public sealed class DigestWorker(IServiceScopeFactory scopes, TimeProvider clock, AgoraMetrics metrics, ILogger<DigestWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var local = Format.ToSofia(now);
            var next = local.Date.AddHours(7);
            if (next <= local)
                next = next.AddDays(1);
            var wait = Format.FromSofia(next) - now;
            try
            {
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, clock, stoppingToken);
                using var scope = scopes.CreateScope();
                var sent = await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(stoppingToken);
                metrics.Ran("digests", ok: true);
                log.LogInformation("Queued {Count} notification digests", sent);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                metrics.Ran("digests", ok: false);
                log.LogError(ex, "Sending the notification digests failed");
            }
        }
    }
}
