using Agora.Web.Features.Comments;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Budgets;

/// <summary>Projects' comments and votes, budgets' ballots: recounted by <c>repair counters</c> by the rule their write path keeps.</summary>
public sealed class BudgetCounters : IStoredCounters
{
    public async Task RepairAsync(CounterRepair repair, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(repair);
        var db = repair.Db;
        await repair.FixAsync("BudgetProject", "CommentCount",
            db.Set<BudgetProject>().Select(p => new CounterDrift { Id = p.Id, Was = p.CommentCount, Now = db.Set<Comment>().Count(c => c.TargetType == ProjectCommentTarget.TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null) }),
            ids => db.Set<BudgetProject>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount,
                p => db.Set<Comment>().Count(c => c.TargetType == ProjectCommentTarget.TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null)), ct), ct);
        await repair.FixAsync("Budget", "BallotCount",
            db.Set<Budget>().Select(b => new CounterDrift { Id = b.Id, Was = b.BallotCount, Now = db.Set<Ballot>().Count(x => x.BudgetId == b.Id) }),
            ids => db.Set<Budget>().Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.BallotCount,
                b => db.Set<Ballot>().Count(x => x.BudgetId == b.Id)), ct), ct);
        await repair.FixAsync("BudgetProject", "VoteCount",
            db.Set<BudgetProject>().Select(p => new CounterDrift { Id = p.Id, Was = p.VoteCount, Now = db.Set<BallotChoice>().Count(x => x.ProjectId == p.Id) }),
            ids => db.Set<BudgetProject>().Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.VoteCount,
                p => db.Set<BallotChoice>().Count(x => x.ProjectId == p.Id)), ct), ct);
    }
}
