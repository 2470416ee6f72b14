using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>The person's registrations for events, for "download my data".</summary>
public sealed class EventsPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "eventRegistrations";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct) =>
        await db.Set<EventRegistration>().AsNoTracking().Where(r => r.UserId == userId)
            .Join(db.Set<Event>(), r => r.EventId, e => e.Id, (r, e) => new
            {
                eventId = e.Id,
                eventTitle = e.Title.Bg,
                eventTitleEn = e.Title.En,
                e.StartsAt,
                status = r.Status.ToString(),
                registeredAt = r.CreatedAt,
                r.ConfirmedAt,
                r.Attended,
            })
            .OrderBy(x => x.StartsAt).ToListAsync(ct);
}
