using System.Globalization;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

public enum RegisterOutcome
{
    Registered,
    Waiting,
    AlreadyRegistered,
    Closed,
    NotFound,
}

/// <summary>
/// Registration (записване) and the waiting list (списък на чакащите). Capacity is never exceeded: a place is taken
/// by a conditional UPDATE of the event's stored counter (only if a place is left), inside the same transaction as
/// the registration row, so simultaneous requests on any node serialise on the event row. The unique index
/// (EventId, UserId) refuses a second registration of the same person.
/// </summary>
public sealed class Registrations(AgoraDb db, Outbox outbox, PublicLinks links, TimeProvider clock)
{
    public async Task<RegisterOutcome> RegisterAsync(Guid eventId, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<EventRegistration>().AnyAsync(r => r.EventId == eventId && r.UserId == userId, ct))
            return RegisterOutcome.AlreadyRegistered;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var open = db.Set<Event>().Where(e => e.Id == eventId && e.Published
                    && (e.RegistrationClosesAt == null ? e.StartsAt > now : e.RegistrationClosesAt > now));
                // The write comes first, so the transaction holds the event row (PostgreSQL) or the write lock
                // (SQLite) before it reads anything.
                var placed = await open.Where(e => e.Capacity == null || e.RegisteredCount < e.Capacity)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.RegisteredCount, e => e.RegisteredCount + 1), ct);
                var status = RegistrationStatus.Registered;
                if (placed == 0)
                {
                    var waiting = await open.ExecuteUpdateAsync(s => s.SetProperty(e => e.WaitingCount, e => e.WaitingCount + 1), ct);
                    if (waiting == 0)
                        return await db.Set<Event>().AnyAsync(e => e.Id == eventId && e.Published, ct)
                            ? RegisterOutcome.Closed : RegisterOutcome.NotFound;
                    status = RegistrationStatus.Waiting;
                }
                db.Add(new EventRegistration
                {
                    EventId = eventId,
                    UserId = userId,
                    Status = status,
                    CreatedAt = now,
                    ConfirmedAt = status == RegistrationStatus.Registered ? now : null,
                });
                if (status == RegistrationStatus.Registered)
                    await EnqueueAsync(eventId, userId, EmailKind.Confirmed, ct);
                else
                    await EnqueueAsync(eventId, userId, EmailKind.Waiting, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return status == RegistrationStatus.Registered ? RegisterOutcome.Registered : RegisterOutcome.Waiting;
            });
        }
        catch (DbUpdateException)
        {
            // The unique index caught a second, simultaneous registration of the same person; the transaction rolled back.
            db.ChangeTracker.Clear();
            if (await db.Set<EventRegistration>().AnyAsync(r => r.EventId == eventId && r.UserId == userId, ct))
                return RegisterOutcome.AlreadyRegistered;
            throw;
        }
    }

    /// <summary>Cancels the person's registration; a freed place goes to the first person waiting, who is told by e-mail.</summary>
    public async Task<bool> CancelAsync(Guid eventId, Guid userId, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var registration = await db.Set<EventRegistration>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, ct);
            if (registration == null)
                return false;
            var deleted = await db.Set<EventRegistration>().Where(r => r.Id == registration.Id).ExecuteDeleteAsync(ct);
            if (deleted == 0)
                return false;
            if (registration.Status == RegistrationStatus.Registered)
            {
                await db.Set<Event>().Where(e => e.Id == eventId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.RegisteredCount, e => e.RegisteredCount - 1), ct);
                await PromoteAsync(eventId, ct);
            }
            else
            {
                await db.Set<Event>().Where(e => e.Id == eventId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.WaitingCount, e => e.WaitingCount - 1), ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
    }

    /// <summary>
    /// Moves people from the waiting list into free places, first come first served, and enqueues their e-mails.
    /// Call inside a transaction; the caller saves. Returns how many were promoted.
    /// </summary>
    public async Task<int> PromoteAsync(Guid eventId, CancellationToken ct)
    {
        var promoted = 0;
        while (true)
        {
            // Take the place first (conditional on a free place and someone waiting), then pick who gets it.
            var taken = await db.Set<Event>()
                .Where(e => e.Id == eventId && e.WaitingCount > 0 && (e.Capacity == null || e.RegisteredCount < e.Capacity))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.RegisteredCount, e => e.RegisteredCount + 1)
                    .SetProperty(e => e.WaitingCount, e => e.WaitingCount - 1), ct);
            if (taken == 0)
                return promoted;
            var now = clock.GetUtcNow().UtcDateTime;
            while (true)
            {
                var next = await db.Set<EventRegistration>().AsNoTracking()
                    .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Waiting)
                    .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                    .Select(r => new { r.Id, r.UserId }).FirstOrDefaultAsync(ct);
                if (next == null)
                {
                    // Counter and rows disagree (should not happen): give the place back.
                    await db.Set<Event>().Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s
                        .SetProperty(e => e.RegisteredCount, e => e.RegisteredCount - 1)
                        .SetProperty(e => e.WaitingCount, 0), ct);
                    return promoted;
                }
                var flipped = await db.Set<EventRegistration>()
                    .Where(r => r.Id == next.Id && r.Status == RegistrationStatus.Waiting)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Status, RegistrationStatus.Registered)
                        .SetProperty(r => r.ConfirmedAt, now), ct);
                if (flipped == 1)
                {
                    await EnqueueAsync(eventId, next.UserId, EmailKind.Promoted, ct);
                    promoted++;
                    break;
                }
            }
        }
    }

    private enum EmailKind
    {
        Confirmed,
        Waiting,
        Promoted,
    }

    private async Task EnqueueAsync(Guid eventId, Guid userId, EmailKind kind, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.PreferredCulture }).FirstOrDefaultAsync(ct);
        if (person?.Email == null)
            return;
        var ev = await db.Set<Event>().AsNoTracking().FirstAsync(e => e.Id == eventId, ct);
        var url = links.Absolute($"/events/{ev.Id}");
        var host = new Uri(links.Absolute("/")).Host;
        var stamp = clock.GetUtcNow().UtcDateTime;
        outbox.Enqueue(person.Email, person.PreferredCulture, l =>
        {
            var title = ev.Title.Current;
            var when = Infrastructure.Localization.Format.DateAndTime(ev.StartsAt);
            var where = ICalendar.LocationOf(ev, l["Events.Online"]);
            var (subject, lead) = kind switch
            {
                EmailKind.Confirmed => (l["Events.Email.ConfirmedSubject", title].Value, l["Events.Email.Confirmed", title].Value),
                EmailKind.Promoted => (l["Events.Email.PromotedSubject", title].Value, l["Events.Email.Promoted", title].Value),
                _ => (l["Events.Email.WaitingSubject", title].Value, l["Events.Email.Waiting", title].Value),
            };
            var paragraphs = new List<string> { lead, l["Events.Email.When", when].Value };
            if (!string.IsNullOrWhiteSpace(where))
                paragraphs.Add(l["Events.Email.Where", where].Value);
            if (ev.Format != EventFormat.InPerson && kind != EmailKind.Waiting)
                paragraphs.Add(l["Events.Email.LinkLater"].Value);
            var attachments = kind == EmailKind.Waiting
                ? Array.Empty<EmailAttachment>()
                : [new EmailAttachment("event.ics", "text/calendar; charset=utf-8; method=PUBLISH",
                    ICalendar.Bytes(ICalendar.Write([EventCalendar.Entry(ev, url, l["Events.Online"])], host, stamp, title)))];
            return new EmailContent(subject, paragraphs)
            {
                ActionText = l["Events.Email.Open"],
                ActionUrl = url,
                Footer = l["Events.Email.Footer"],
                Attachments = attachments,
            };
        });
    }
}

/// <summary>Turns an event into a calendar entry in the current culture.</summary>
public static class EventCalendar
{
    public static CalendarEntry Entry(Event e, string url, string online)
    {
        ArgumentNullException.ThrowIfNull(e);
        var culture = CultureInfo.CurrentUICulture;
        return new CalendarEntry(e.Id, e.Title.In(culture), e.Description.In(culture).Trim(), ICalendar.LocationOf(e, online),
            url, e.StartsAt, e.EndsAt, e.UpdatedAt == default ? e.CreatedAt : e.UpdatedAt, e.Sequence);
    }
}
