using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Commitments;

/// <summary>Commitments' updates: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class CommitmentCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("Commitment", "UpdateCount",
            db.Set<Commitment>().Select(c => new CounterDrift { Id = c.Id, Was = c.UpdateCount, Now = db.Set<CommitmentUpdate>().Count(u => u.CommitmentId == c.Id) }),
            ids => db.Set<Commitment>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdateCount,
                c => db.Set<CommitmentUpdate>().Count(u => u.CommitmentId == c.Id)), ct), ct);
    }
}
