using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Surveys;

/// <summary>Survey responses: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class SurveyCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("Survey", "ResponseCount",
            db.Set<Survey>().Select(x => new CounterDrift { Id = x.Id, Was = x.ResponseCount, Now = db.Set<SurveyResponse>().Count(r => r.SurveyId == x.Id) }),
            ids => db.Set<Survey>().Where(x => ids.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResponseCount,
                x => db.Set<SurveyResponse>().Count(r => r.SurveyId == x.Id)), ct), ct);
    }
}
