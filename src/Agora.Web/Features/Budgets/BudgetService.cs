using System.Security.Claims;
using System.Security.Cryptography;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Budgets;

/// <summary>A process seen from its budgets, with whether the reader facilitates it.</summary>
public sealed record BudgetScope(Process Process, bool CanManage)
{
    public string Path => $"/processes/{Process.Slug}/budgets";
    public string BudgetPath(Guid budgetId) => $"{Path}/{budgetId}";
    public string ProjectPath(Guid budgetId, Guid projectId) => $"{Path}/{budgetId}/projects/{projectId}";
}

/// <summary>Why a ballot or act is refused: a resource key and its arguments.</summary>
public sealed record Refusal(string Key, params object[] Args);

public sealed record CastResult(string? Receipt, bool Replaced, Refusal? Refusal);

/// <summary>One project in the results: its votes, share of ballots, cost, and whether it wins.</summary>
public sealed record ProjectResult(Guid Id, string Title, long CostCents, int Votes, double Share, bool Wins);

public sealed record DistrictTurnout(string District, int Ballots);

public sealed class BudgetService(
    AgoraDb db, ProcessAccess access, VerificationService verification, Outbox outbox, PublicLinks links, TimeProvider clock)
{
    public const string Key = "budgets";
    public const string VoteAction = "budgets.vote";
    public const string SubmitAction = "budgets.submit";

    public async Task<BudgetScope?> ScopeAsync(string slug, ClaimsPrincipal reader, CancellationToken ct)
    {
        var process = await access.Visible(reader).AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (process == null || !process.Has(Key))
            return null;
        return new BudgetScope(process, await access.CanManageAsync(reader, process.Id, ct));
    }

    /// <summary>Checks a ballot against the budget's rule. <paramref name="chosen"/> are the projects the ids named,
    /// already restricted to this budget's feasible ones; <paramref name="requested"/> counts the distinct ids sent,
    /// so a forged or foreign id is refused rather than silently dropped.</summary>
    public static Refusal? Validate(Budget budget, IReadOnlyList<BudgetProject> chosen, int requested)
    {
        if (chosen.Count != requested)
            return new Refusal("Budgets.Refused.UnknownProject");
        if (chosen.Count == 0)
            return new Refusal("Budgets.Refused.Empty");
        if (budget.Rule == VotingRule.Approval)
        {
            if (chosen.Count < budget.MinProjects || chosen.Count > budget.MaxProjects)
                return new Refusal("Budgets.Refused.Count", budget.MinProjects, budget.MaxProjects, chosen.Count);
            return null;
        }
        var total = chosen.Sum(p => p.CostCents);
        if (total > budget.AmountCents)
            return new Refusal("Budgets.Refused.OverBudget", Format.Eur(total), Format.Eur(budget.AmountCents));
        var minimum = MinimumCents(budget);
        if (total < minimum)
            return new Refusal("Budgets.Refused.UnderMinimum", Format.Eur(total), Format.Eur(minimum));
        return null;
    }

    /// <summary>The least a knapsack ballot must spend, rounded up to the cent.</summary>
    public static long MinimumCents(Budget b) => b.Rule == VotingRule.Knapsack && b.MinPercent > 0
        ? (b.AmountCents * b.MinPercent + 99) / 100 : 0;

    /// <summary>Why the person may not vote in the budget now, or null.</summary>
    public async Task<Refusal?> VoteRefusalAsync(Budget budget, Guid? voterId, CancellationToken ct)
    {
        if (budget.Phase != BudgetPhase.Voting)
            return new Refusal(budget.Phase < BudgetPhase.Voting ? "Budgets.Refused.NotYet" : "Budgets.Refused.Closed");
        var refusal = await verification.CheckAsync(voterId, VoteAction, budget.District, ct);
        return refusal == null ? null : new Refusal(refusal, Districts.NameOf(budget.District));
    }

    /// <summary>Casts (or, where the budget allows, replaces) the complete ballot in one transaction: the ballot, its
    /// choices and the stored counters. The unique index on (budget, voter) makes a parallel second submission fail;
    /// it is reported as already voted and changes nothing.</summary>
    public async Task<CastResult> CastAsync(BudgetScope scope, Guid budgetId, Guid voterId, IReadOnlyCollection<Guid> projectIds, CancellationToken ct)
    {
        var budget = await db.Set<Budget>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == budgetId && b.ProcessId == scope.Process.Id, ct);
        if (budget == null)
            return new CastResult(null, false, new Refusal("Budgets.Refused.NotFound"));
        if (await VoteRefusalAsync(budget, voterId, ct) is { } refused)
            return new CastResult(null, false, refused);
        var ids = projectIds.Distinct().ToList();
        var chosen = await db.Set<BudgetProject>().AsNoTracking()
            .Where(p => p.BudgetId == budget.Id && p.Review == ProjectReview.Feasible && ids.Contains(p.Id)).ToListAsync(ct);
        if (Validate(budget, chosen, ids.Count) is { } invalid)
            return new CastResult(null, false, invalid);

        var district = (await verification.StatusAsync(voterId, ct))!.District;
        var existing = await db.Set<Ballot>().AsNoTracking().FirstOrDefaultAsync(b => b.BudgetId == budget.Id && b.VoterId == voterId, ct);
        if (existing != null && !budget.AllowChange)
            return new CastResult(existing.ReceiptCode, false, new Refusal("Budgets.Refused.AlreadyVoted", existing.ReceiptCode));
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            Ballot ballot;
            if (existing == null)
            {
                ballot = new Ballot { BudgetId = budget.Id, VoterId = voterId, ReceiptCode = NewReceipt(), District = district, CastAt = clock.GetUtcNow().UtcDateTime };
                db.Add(ballot);
                await db.SaveChangesAsync(ct);
                await db.Set<Budget>().Where(b => b.Id == budget.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.BallotCount, b => b.BallotCount + 1), ct);
            }
            else
            {
                ballot = existing;
                // The previous choices stop counting; the ballot (and its receipt) stays one.
                var previous = await db.Set<BallotChoice>().Where(c => c.BallotId == ballot.Id).Select(c => c.ProjectId).ToListAsync(ct);
                await db.Set<BudgetProject>().Where(p => previous.Contains(p.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.VoteCount, p => p.VoteCount - 1), ct);
                await db.Set<BallotChoice>().Where(c => c.BallotId == ballot.Id).ExecuteDeleteAsync(ct);
                await db.Set<Ballot>().Where(b => b.Id == ballot.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.CastAt, clock.GetUtcNow().UtcDateTime), ct);
            }
            db.AddRange(ids.Select(id => new BallotChoice { BallotId = ballot.Id, ProjectId = id }));
            await db.SaveChangesAsync(ct);
            await db.Set<BudgetProject>().Where(p => ids.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.VoteCount, p => p.VoteCount + 1), ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            await SendReceiptAsync(scope, budget, voterId, ballot.ReceiptCode, ct);
            return new CastResult(ballot.ReceiptCode, existing != null, null);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var code = await db.Set<Ballot>().Where(b => b.BudgetId == budget.Id && b.VoterId == voterId).Select(b => b.ReceiptCode).FirstOrDefaultAsync(ct);
            if (code != null)
                return new CastResult(code, false, new Refusal("Budgets.Refused.AlreadyVoted", code));
            throw;
        }
    }

    /// <summary>Ten characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 50 bits: unguessable
    /// enough that the published list reveals nothing, short enough to read out.</summary>
    public static string NewReceipt()
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var chars = new char[11];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i == 5 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars);
    }

    private async Task SendReceiptAsync(BudgetScope scope, Budget budget, Guid voterId, string receipt, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == voterId).Select(u => new { u.Email, u.PreferredCulture }).FirstAsync(ct);
        if (person.Email == null)
            return;
        var url = links.Absolute(scope.BudgetPath(budget.Id) + "/receipts");
        outbox.Enqueue(person.Email, person.PreferredCulture, l => new EmailContent(
            l["Budgets.Email.Subject", budget.Title.Current].Value,
            [l["Budgets.Email.Counted", budget.Title.Current].Value, l["Budgets.Email.Receipt", receipt].Value, l["Budgets.Email.Check", url].Value]));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The published rule: projects by votes (most first), ties by lower cost, then by id (a fixed,
    /// arbitrary but public order); each wins if it still fits in what is left of the amount, else it is skipped
    /// and the next one is tried.</summary>
    public static IReadOnlyList<ProjectResult> Results(Budget budget, IEnumerable<BudgetProject> projects)
    {
        var left = budget.AmountCents;
        var list = new List<ProjectResult>();
        foreach (var p in projects.Where(p => p.Review == ProjectReview.Feasible)
                     .OrderByDescending(p => p.VoteCount).ThenBy(p => p.CostCents).ThenBy(p => p.Id))
        {
            var wins = p.VoteCount > 0 && p.CostCents <= left;
            if (wins)
                left -= p.CostCents;
            list.Add(new ProjectResult(p.Id, p.Title, p.CostCents, p.VoteCount,
                budget.BallotCount == 0 ? 0 : (double)p.VoteCount / budget.BallotCount, wins));
        }
        return list;
    }

    public async Task<IReadOnlyList<DistrictTurnout>> TurnoutAsync(Guid budgetId, CancellationToken ct) =>
        (await db.Set<Ballot>().AsNoTracking().Where(b => b.BudgetId == budgetId).GroupBy(b => b.District)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => new DistrictTurnout(x.Key, x.Count)).OrderByDescending(x => x.Ballots).ThenBy(x => Districts.NameOf(x.District), StringComparer.CurrentCulture).ToList();
}

/// <summary>Projects take comments through the shared comment threads; commenting needs no verification.</summary>
public sealed class ProjectCommentTarget(AgoraDb db, BudgetService budgets) : Comments.ICommentTarget
{
    public const string TypeName = "budget-project";

    public string Type => TypeName;

    public async Task<Comments.CommentTargetInfo?> FindAsync(Guid id, ClaimsPrincipal reader, CancellationToken ct)
    {
        var row = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Title, p.BudgetId, p.AuthorId, Slug = db.Set<Process>().Where(x => db.Set<Budget>().Any(b => b.Id == p.BudgetId && b.ProcessId == x.Id)).Select(x => x.Slug).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (row?.Slug == null)
            return null;
        var scope = await budgets.ScopeAsync(row.Slug, reader, ct);
        if (scope == null)
            return null;
        return new Comments.CommentTargetInfo(scope.ProjectPath(row.BudgetId, row.Id), row.Title, null,
            row.AuthorId is Guid a ? [a] : [], scope.CanManage);
    }

    public Task RecountAsync(Guid id, CancellationToken ct) =>
        db.Set<BudgetProject>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount,
            p => db.Set<Comments.Comment>().Count(c => c.TargetType == TypeName && c.TargetId == p.Id && c.DeletedAt == null && c.HiddenAt == null)), ct);
}

/// <summary>"Download my data": the person's ballots with their receipts and choices, and the projects they submitted.</summary>
public sealed class BudgetsPersonalData(AgoraDb db) : Infrastructure.Identity.IPersonalDataSource
{
    public string Section => "budgets";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct) => new
    {
        Ballots = await db.Set<Ballot>().AsNoTracking().Where(b => b.VoterId == userId).OrderBy(b => b.CastAt)
            .Select(b => new
            {
                b.BudgetId,
                b.ReceiptCode,
                b.District,
                b.CastAt,
                Projects = db.Set<BallotChoice>().Where(c => c.BallotId == b.Id).Select(c => c.ProjectId).ToList(),
            }).ToListAsync(ct),
        Projects = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.AuthorId == userId).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.BudgetId, p.Title, p.CostCents, p.CreatedAt }).ToListAsync(ct),
    };
}
