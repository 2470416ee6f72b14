using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.ResultTracking;

/// <summary>Results' updates and followers: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class ResultCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("TrackedResult", "UpdateCount",
            db.Set<TrackedResult>().Select(r => new CounterDrift { Id = r.Id, Was = r.UpdateCount, Now = db.Set<ResultUpdate>().Count(u => u.ResultId == r.Id) }),
            ids => db.Set<TrackedResult>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdateCount,
                r => db.Set<ResultUpdate>().Count(u => u.ResultId == r.Id)), ct), ct);
        await repair.FixAsync("TrackedResult", "FollowerCount",
            db.Set<TrackedResult>().Select(r => new CounterDrift { Id = r.Id, Was = r.FollowerCount, Now = db.Set<ResultFollower>().Count(f => f.ResultId == r.Id) }),
            ids => db.Set<TrackedResult>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.FollowerCount,
                r => db.Set<ResultFollower>().Count(f => f.ResultId == r.Id)), ct), ct);
    }
}
