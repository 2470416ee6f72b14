using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Maturity;

/// <summary>Submitted assessments per round: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class MaturityCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("MaturityRound", "SubmittedCount",
            db.Set<MaturityRound>().Select(r => new CounterDrift { Id = r.Id, Was = r.SubmittedCount, Now = db.Set<MaturityAssessment>().Count(a => a.RoundId == r.Id && a.SubmittedAt != null) }),
            ids => db.Set<MaturityRound>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedCount,
                r => db.Set<MaturityAssessment>().Count(a => a.RoundId == r.Id && a.SubmittedAt != null)), ct), ct);
    }
}
