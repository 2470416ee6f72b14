using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Swot;

public sealed class SwotInput
{
    public const int TextMax = 300;
    public const int ExplanationMax = 2000;

    [Required(ErrorMessage = V.Required), Display(Name = "Swot.Field.Quadrant")]
    public SwotQuadrant? Quadrant { get; set; }

    [Required(ErrorMessage = V.Required), StringLength(TextMax, MinimumLength = 3, ErrorMessage = V.Length), Display(Name = "Swot.Field.Text")]
    public string Text { get; set; } = "";

    [StringLength(ExplanationMax, ErrorMessage = V.MaxLength), Display(Name = "Swot.Field.Explanation")]
    public string? Explanation { get; set; }
}

/// <summary>A board as its pages see it: the process, the board and whether the reader facilitates.</summary>
public sealed record SwotScope(Process Process, SwotBoard Board, bool CanManage)
{
    public string Path => $"/processes/{Process.Slug}/swot/{Board.Id}";
    public bool Closed => Board.ClosedAt != null;
}

/// <summary>An item with its contributors' names and organisations, for the board and the summary.</summary>
public sealed record SwotItemView(Guid Id, SwotQuadrant Quadrant, string Text, string? Explanation, int Position,
    IReadOnlyList<string> Contributors, IReadOnlyList<string> Organizations);

/// <summary>The dot-vote result of one quadrant, with the totals by stakeholder kind.</summary>
public sealed record SwotResults(
    IReadOnlyDictionary<SwotQuadrant, IReadOnlyList<Standing<Guid>>> ByQuadrant,
    IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, long>> ByKind,
    IReadOnlyDictionary<string, int> VotersByKind,
    int Voters);

/// <summary>The acts on SWOT boards. Facilitators are the process's managers (<see cref="ProcessAccess"/>).</summary>
public sealed class SwotService(AgoraDb db, ProcessAccess access, WorkshopParticipation participation, TimeProvider clock)
{
    public const string Key = "swot";

    public async Task<Process?> ProcessAsync(string slug, ClaimsPrincipal reader, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, reader, ct);
        return process != null && process.Has(Key) ? process : null;
    }

    public async Task<SwotScope?> ScopeAsync(string slug, Guid boardId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var process = await ProcessAsync(slug, reader, ct);
        if (process == null)
            return null;
        var board = await db.Set<SwotBoard>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == boardId && b.ProcessId == process.Id, ct);
        return board == null ? null : new SwotScope(process, board, await access.CanManageAsync(reader, process.Id, ct));
    }

    public Task<(Participants.Actor? Actor, string? Refusal)> CheckAsync(SwotScope scope, ClaimsPrincipal user, CancellationToken ct) =>
        scope.Closed ? Task.FromResult<(Participants.Actor?, string?)>((null, "Swot.Refused.Closed"))
            : participation.CheckAsync(user, scope.Board.Eligibility, scope.Board.EventId, ct);

    /// <summary>The live items (not merged away) in quadrant and facilitator order; two queries.</summary>
    public async Task<IReadOnlyList<SwotItemView>> ItemsAsync(Guid boardId, CancellationToken ct)
    {
        var items = await db.Set<SwotItem>().AsNoTracking().Where(i => i.BoardId == boardId && i.MergedIntoId == null)
            .OrderBy(i => i.Quadrant).ThenBy(i => i.Position).ThenBy(i => i.CreatedAt)
            .Select(i => new { i.Id, i.Quadrant, i.Text, i.Explanation, i.Position }).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var contributions = await db.Set<SwotContribution>().AsNoTracking().Where(c => ids.Contains(c.ItemId))
            .OrderBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.ItemId,
                Name = db.Users.Where(u => u.Id == c.UserId && u.DeletedAt == null).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                Organization = db.Set<Organization>().Where(o => o.Id == c.OrganizationId).Select(o => o.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        var byItem = contributions.ToLookup(c => c.ItemId);
        // Quadrant is stored as text, so the database sorted by name; sort again in the enum's order.
        return items.OrderBy(i => i.Quadrant).ThenBy(i => i.Position).Select(i => new SwotItemView(i.Id, i.Quadrant, i.Text, i.Explanation, i.Position,
            byItem[i.Id].Select(c => c.Name).Where(n => n.Length > 0).Distinct().ToList(),
            byItem[i.Id].Where(c => c.Organization != null).Select(c => c.Organization!.Current).Distinct().ToList())).ToList();
    }

    public async Task AddItemAsync(SwotScope scope, Guid userId, SwotInput input, string language, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quadrant = input.Quadrant!.Value;
        var last = await db.Set<SwotItem>().Where(i => i.BoardId == scope.Board.Id && i.Quadrant == quadrant)
            .MaxAsync(i => (int?)i.Position, ct) ?? -1;
        var item = new SwotItem
        {
            BoardId = scope.Board.Id,
            Quadrant = quadrant,
            Text = input.Text.Trim(),
            Explanation = string.IsNullOrWhiteSpace(input.Explanation) ? null : input.Explanation.Trim(),
            Language = language,
            Position = last + 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(item);
        db.Add(new SwotContribution { ItemId = item.Id, UserId = userId, OrganizationId = await participation.OrganizationOfAsync(userId, ct), CreatedAt = now });
        await db.SaveChangesAsync(ct);
    }

    public async Task<Dictionary<Guid, int>> DotsOfAsync(Guid boardId, Guid userId, CancellationToken ct) =>
        await db.Set<SwotDot>().AsNoTracking().Where(d => d.BoardId == boardId && d.UserId == userId).ToDictionaryAsync(d => d.ItemId, d => d.Count, ct);

    /// <summary>
    /// Replaces the person's dots with <paramref name="dots"/>. Returns the resource key of the refusal, or null.
    /// The allowance row is written first inside the transaction, so parallel votes of one person run one after
    /// the other and the sum checked here is the sum stored.
    /// </summary>
    public async Task<string?> VoteAsync(SwotScope scope, Guid userId, IReadOnlyDictionary<Guid, int> dots, CancellationToken ct)
    {
        if (dots.Values.Any(n => n < 0))
            return "Swot.Refused.NegativeDots";
        var wanted = dots.Where(d => d.Value > 0).ToDictionary(d => d.Key, d => d.Value);
        var total = wanted.Values.Sum(n => (long)n);
        if (total > scope.Board.DotsPerPerson)
            return "Swot.Refused.TooManyDots";
        var live = await db.Set<SwotItem>().Where(i => i.BoardId == scope.Board.Id && i.MergedIntoId == null).Select(i => i.Id).ToListAsync(ct);
        if (wanted.Keys.Any(k => !live.Contains(k)))
            return "Swot.Refused.UnknownItem";
        var now = clock.GetUtcNow().UtcDateTime;
        await EnsureAllowanceRowAsync(scope.Board.Id, userId, now, ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var boardId = scope.Board.Id;
            await db.Set<SwotAllowance>().Where(a => a.BoardId == boardId && a.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Used, (int)total).SetProperty(a => a.UpdatedAt, now), ct);
            // Read after the lock: a board closed meanwhile refuses the vote.
            if (await db.Set<SwotBoard>().AnyAsync(b => b.Id == boardId && b.ClosedAt != null, ct))
                return "Swot.Refused.Closed";
            await db.Set<SwotDot>().Where(d => d.BoardId == boardId && d.UserId == userId).ExecuteDeleteAsync(ct);
            foreach (var (item, count) in wanted)
                db.Add(new SwotDot { BoardId = boardId, ItemId = item, UserId = userId, Count = count });
            await db.SaveChangesAsync(ct);
            // The guard the allowance promises, checked on what is stored.
            var stored = await db.Set<SwotDot>().Where(d => d.BoardId == boardId && d.UserId == userId).SumAsync(d => d.Count, ct);
            if (stored > scope.Board.DotsPerPerson)
                return "Swot.Refused.TooManyDots";
            await tx.CommitAsync(ct);
            return (string?)null;
        });
    }

    private async Task EnsureAllowanceRowAsync(Guid boardId, Guid userId, DateTime now, CancellationToken ct)
    {
        if (await db.Set<SwotAllowance>().AnyAsync(a => a.BoardId == boardId && a.UserId == userId, ct))
            return;
        db.Add(new SwotAllowance { BoardId = boardId, UserId = userId, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A parallel request of the same person made it first; the key keeps one row.
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Merges <paramref name="sourceId"/> into <paramref name="targetId"/>: the source's contributors and
    /// dots move to the target (a person's dots on both add up, so nobody's allowance changes). One transaction.</summary>
    public async Task<bool> MergeAsync(SwotScope scope, Guid sourceId, Guid targetId, CancellationToken ct)
    {
        if (sourceId == targetId)
            return false;
        var items = await db.Set<SwotItem>().Where(i => i.BoardId == scope.Board.Id && i.MergedIntoId == null && (i.Id == sourceId || i.Id == targetId)).ToListAsync(ct);
        if (items.Count != 2)
            return false;
        var source = items.Single(i => i.Id == sourceId);
        var target = items.Single(i => i.Id == targetId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        source.MergedIntoId = target.Id;
        source.UpdatedAt = target.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var targetContributors = await db.Set<SwotContribution>().Where(c => c.ItemId == targetId).Select(c => c.UserId).ToListAsync(ct);
        foreach (var c in await db.Set<SwotContribution>().AsNoTracking().Where(c => c.ItemId == sourceId && !targetContributors.Contains(c.UserId)).ToListAsync(ct))
            db.Add(new SwotContribution { ItemId = targetId, UserId = c.UserId, OrganizationId = c.OrganizationId, CreatedAt = c.CreatedAt });
        var sourceDots = await db.Set<SwotDot>().Where(d => d.ItemId == sourceId).ToListAsync(ct);
        var targetDots = await db.Set<SwotDot>().Where(d => d.ItemId == targetId).ToDictionaryAsync(d => d.UserId, ct);
        foreach (var d in sourceDots)
        {
            if (targetDots.TryGetValue(d.UserId, out var t))
                t.Count += d.Count;
            else
                db.Add(new SwotDot { BoardId = d.BoardId, ItemId = targetId, UserId = d.UserId, Count = d.Count });
            db.Remove(d);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The dot-vote result; two queries plus the stakeholder kinds.</summary>
    public async Task<SwotResults> ResultsAsync(Guid boardId, IReadOnlyList<SwotItemView> items, CancellationToken ct)
    {
        var dots = await db.Set<SwotDot>().AsNoTracking().Where(d => d.BoardId == boardId)
            .Select(d => new { d.UserId, d.ItemId, d.Count }).ToListAsync(ct);
        var scores = Tally.Amounts(dots.Select(d => (d.UserId, d.ItemId, d.Count))).ToList();
        var kinds = await participation.KindsAsync(scores.Select(s => s.Voter).Distinct().ToList(), ct);
        var byQuadrant = Enum.GetValues<SwotQuadrant>().ToDictionary(q => q, q =>
        {
            var options = items.Where(i => i.Quadrant == q).Select(i => i.Id).ToList();
            return Tally.Rank(scores.Where(s => options.Contains(s.Key)), options);
        });
        return new SwotResults(byQuadrant, Tally.Breakdown(scores, kinds, StakeholderKinds.Resident),
            Tally.VotersByGroup(scores, kinds, StakeholderKinds.Resident), scores.Select(s => s.Voter).Distinct().Count());
    }
}

public sealed record SwotResultsView(IReadOnlyList<SwotItemView> Items, SwotResults Results);
