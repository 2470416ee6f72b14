using System.Globalization;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Observability;
using Agora.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Agora.Web.Infrastructure.Email;

/// <summary>
/// Acts put e-mails here, in the same transaction as the act: if the act rolls back, no e-mail is sent;
/// if the process or SMTP dies, the message waits in the database.
/// </summary>
public sealed class Outbox(
    AgoraDb db, EmailComposer composer, IStringLocalizer<SharedResource> localizer, TimeProvider clock,
    IOptions<EmailOptions> options, ILogger<Outbox> log)
{
    /// <summary>Composes the message in the recipient's language and adds it to the current unit of work.</summary>
    public void Enqueue(string recipient, string culture, Func<IStringLocalizer, EmailContent> compose) =>
        Add(recipient, culture, compose, null, null);

    /// <summary>
    /// For mail that anyone can make the platform send to an address (sign-up, password reset, confirmations, the
    /// newsletter): adds it unless the address, or the account, already had <see cref="MailCapOptions.PerKindPerHour"/>
    /// of this kind in the last hour or <see cref="MailCapOptions.PerDay"/> capped messages in the last day. Counted from
    /// the outbox table, so the cap holds across nodes. Returns false when the message was dropped; callers answer the
    /// same either way, so the cap never tells whether an account exists.
    /// </summary>
    public async Task<bool> EnqueueCappedAsync(string kind, Guid? accountId, string recipient, string culture,
        Func<IStringLocalizer, EmailContent> compose, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var cap = options.Value.Cap;
        var now = clock.GetUtcNow().UtcDateTime;
        var (hourAgo, dayAgo) = (now.AddHours(-1), now.AddDays(-1));
        var recent = await MailCap.Counted(db.OutboxMessages.AsNoTracking(), recipient, accountId, dayAgo)
            .Select(m => new MailCap.Sent(m.Kind!, m.CreatedAt)).ToListAsync(ct);
        // Messages queued earlier in this unit of work count as well.
        var pending = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(m => m.Kind != null && (m.Recipient == recipient || (accountId != null && m.AccountId == accountId)))
            .Select(m => new MailCap.Sent(m.Kind!, m.CreatedAt));
        if (MailCap.Reached([.. recent, .. pending], kind, hourAgo, cap))
        {
            // Neither the address nor the account is logged: the log must not become a list of who asked for what.
            log.LogInformation("An e-mail of kind {Kind} was not queued: its recipient or account reached the mail cap", kind);
            return false;
        }
        Add(recipient, culture, compose, kind, accountId);
        return true;
    }

    private void Add(string recipient, string culture, Func<IStringLocalizer, EmailContent> compose, string? kind, Guid? accountId)
    {
        var ci = Cultures.Get(culture);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = ci;
        try
        {
            var content = compose(localizer);
            var mime = composer.Compose(recipient, ci.Name, content);
            using var stream = new MemoryStream();
            mime.WriteTo(stream);
            var now = clock.GetUtcNow().UtcDateTime;
            db.OutboxMessages.Add(new OutboxMessage
            {
                Recipient = recipient,
                Subject = content.Subject.Length > 500 ? content.Subject[..500] : content.Subject,
                Kind = kind,
                AccountId = accountId,
                Mime = stream.ToArray(),
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}

/// <summary>The kinds of capped mail (<see cref="Outbox.EnqueueCappedAsync"/>).</summary>
public static class MailKinds
{
    public const string AccountConfirm = "account.confirm";
    public const string AccountExists = "account.exists";
    public const string PasswordReset = "account.reset";
    public const string EmailChange = "account.email-change";
    public const string NewsletterConfirm = "newsletter.confirm";
    public const string JoinReceived = "organizations.join-received";
}

/// <summary>Wakes the worker in this process right after a message is committed, instead of at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Poke()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    public void Dispose() => signal.Dispose();
}

/// <summary>
/// Claims due messages and sends them. A claim is a conditional update, so on several nodes each message is
/// taken by one worker; a message marked sent is never claimed again.
/// </summary>
public sealed class OutboxSender(
    AgoraDb db, IMailTransport transport, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxSender> log)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private readonly Guid worker = Guid.NewGuid();

    /// <summary>Sends what is due; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct, int batch = 20)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                        && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(batch).ToListAsync(ct);

        var sent = 0;
        foreach (var id in due)
        {
            now = clock.GetUtcNow().UtcDateTime;
            var until = now + ClaimFor;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, worker).SetProperty(m => m.ClaimedUntil, until), ct);
            if (claimed == 0)
                continue; // another worker has it

            var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.Mime, m.Attempts, m.Kind, m.Recipient, m.AccountId, m.CreatedAt }).SingleAsync(ct);
            if (message.Kind != null && await OverCapAsync(id, message.Kind, message.Recipient, message.AccountId, message.CreatedAt, ct))
            {
                // Requests at the same instant each passed the check in EnqueueCappedAsync; the cap holds here.
                log.LogInformation("E-mail {Id} of kind {Kind} was not sent: its recipient or account had reached the mail cap", id, message.Kind);
                var dropped = clock.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == worker)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, dropped).SetProperty(m => m.LastError, OverCap)
                        .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                continue;
            }
            try
            {
                using var stream = new MemoryStream(message.Mime);
                var mime = await MimeKit.MimeMessage.LoadAsync(stream, ct);
                await transport.SendAsync(mime, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = message.Attempts + 1;
                var failed = attempts >= options.Value.MaxAttempts ? clock.GetUtcNow().UtcDateTime : (DateTime?)null;
                var next = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
                var error = ex.GetType().Name + ": " + ex.Message;
                if (error.Length > 2000)
                    error = error[..2000];
                log.LogWarning("E-mail {Id} failed (attempt {Attempts}): {Error}", id, attempts, error);
                await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == worker)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next)
                        .SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                        .SetProperty(m => m.FailedAt, failed), CancellationToken.None);
                continue;
            }
            // Outside the try: a failure to record the send must not count as a failed send (it would be sent again).
            var sentAt = clock.GetUtcNow().UtcDateTime;
            var marked = await db.OutboxMessages.Where(m => m.Id == id && m.ClaimedBy == worker)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            if (marked == 0)
                log.LogWarning("E-mail {Id} was sent after its claim expired; another worker may send it too", id);
            sent++;
        }
        return sent;
    }

    /// <summary>The <see cref="OutboxMessage.LastError"/> of a message the cap kept back when it was due to be sent.</summary>
    public const string OverCap = MailCap.KeptBack;

    /// <summary>
    /// The cap again, at sending: whether the messages queued before this one (by time, then id) to the same address or
    /// for the same account already fill it, leaving out those it kept back. Two requests at the same instant can both
    /// pass <see cref="Outbox.EnqueueCappedAsync"/>, which counts what was committed; every node orders queued messages
    /// the same way, so exactly the first ones within the cap are sent.
    /// </summary>
    private async Task<bool> OverCapAsync(long id, string kind, string recipient, Guid? accountId, DateTime createdAt, CancellationToken ct)
    {
        var earlier = await MailCap.Counted(db.OutboxMessages.AsNoTracking(), recipient, accountId, createdAt.AddDays(-1))
            .Where(m => m.Id != id && (m.CreatedAt < createdAt || m.CreatedAt == createdAt && m.Id < id))
            .Select(m => new MailCap.Sent(m.Kind!, m.CreatedAt)).ToListAsync(ct);
        return MailCap.Reached(earlier, kind, createdAt.AddHours(-1), options.Value.Cap);
    }

    /// <summary>30 s, 1 min, 2 min … capped at 1 hour: an SMTP outage of a few hours loses nothing.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}

public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<EmailOptions> options, AgoraMetrics metrics,
    TimeProvider clock, ILogger<OutboxWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var counted = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int sent;
                do
                {
                    using var scope = scopes.CreateScope();
                    sent = await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(stoppingToken);
                } while (sent > 0 && !stoppingToken.IsCancellationRequested);
                // The backlog for the metrics, when they are exported, counted at most every 15 s (on the pending index).
                if (metrics.Exported && clock.GetUtcNow() - counted > TimeSpan.FromSeconds(15))
                {
                    using var scope = scopes.CreateScope();
                    metrics.OutboxPending(await scope.ServiceProvider.GetRequiredService<AgoraDb>().OutboxMessages
                        .LongCountAsync(m => m.SentAt == null && m.FailedAt == null, stoppingToken));
                    counted = clock.GetUtcNow();
                }
                metrics.Ran("outbox", ok: true);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; try again at the next tick.
                metrics.Ran("outbox", ok: false);
                log.LogError(ex, "The e-mail outbox could not be processed");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>The mail cap's rule, the same when a message is queued and when it is sent.</summary>
internal static class MailCap
{
    /// <summary>The <see cref="OutboxMessage.LastError"/> of a capped message kept back at sending.</summary>
    public const string KeptBack = "mail cap";

    public sealed record Sent(string Kind, DateTime CreatedAt);

    /// <summary>Capped mail to the address or for the account since <paramref name="since"/>, leaving out what the cap
    /// kept back (it was never sent).</summary>
    public static IQueryable<OutboxMessage> Counted(IQueryable<OutboxMessage> messages, string recipient, Guid? accountId, DateTime since) =>
        messages.Where(m => m.Kind != null && m.CreatedAt > since
            && (m.LastError == null || m.LastError != KeptBack)
            && (m.Recipient == recipient || (accountId != null && m.AccountId == accountId)));

    /// <summary>Whether the messages of the last day (<paramref name="earlier"/>) leave no room for one more of this
    /// kind: as many of it since <paramref name="hourBefore"/> as allowed an hour, or as many of all kinds as a day.</summary>
    public static bool Reached(IReadOnlyCollection<Sent> earlier, string kind, DateTime hourBefore, MailCapOptions cap) =>
        earlier.Count(m => m.Kind == kind && m.CreatedAt > hourBefore) >= cap.PerKindPerHour || earlier.Count >= cap.PerDay;
}
