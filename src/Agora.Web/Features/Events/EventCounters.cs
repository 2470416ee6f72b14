using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>Places at events and on their waiting lists: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class EventCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("Event", "RegisteredCount",
            db.Set<Event>().Select(e => new CounterDrift { Id = e.Id, Was = e.RegisteredCount, Now = db.Set<EventRegistration>().Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered) }),
            ids => db.Set<Event>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.RegisteredCount,
                e => db.Set<EventRegistration>().Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Registered)), ct), ct);
        await repair.FixAsync("Event", "WaitingCount",
            db.Set<Event>().Select(e => new CounterDrift { Id = e.Id, Was = e.WaitingCount, Now = db.Set<EventRegistration>().Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting) }),
            ids => db.Set<Event>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.WaitingCount,
                e => db.Set<EventRegistration>().Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waiting)), ct), ct);
    }
}
