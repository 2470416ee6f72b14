using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>Comment votes: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class CommentCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("Comment", "Upvotes",
            db.Set<Comment>().Select(c => new CounterDrift { Id = c.Id, Was = c.Upvotes, Now = db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value > 0) }),
            ids => db.Set<Comment>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Upvotes,
                c => db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value > 0)), ct), ct);
        await repair.FixAsync("Comment", "Downvotes",
            db.Set<Comment>().Select(c => new CounterDrift { Id = c.Id, Was = c.Downvotes, Now = db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value < 0) }),
            ids => db.Set<Comment>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Downvotes,
                c => db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value < 0)), ct), ct);
    }
}
