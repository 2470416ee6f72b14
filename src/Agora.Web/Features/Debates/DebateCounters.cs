using Agora.Web.Features.Comments;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Debates;

/// <summary>Debates' comment counts: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class DebateCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("Debate", "CommentCount",
            db.Set<Debate>().Select(d => new CounterDrift { Id = d.Id, Was = d.CommentCount, Now = db.Set<Comment>().Count(c => c.TargetType == DebateCommentTarget.TypeName && c.TargetId == d.Id && c.DeletedAt == null && c.HiddenAt == null) }),
            ids => db.Set<Debate>().Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.CommentCount,
                d => db.Set<Comment>().Count(c => c.TargetType == DebateCommentTarget.TypeName && c.TargetId == d.Id && c.DeletedAt == null && c.HiddenAt == null)), ct), ct);
    }
}
