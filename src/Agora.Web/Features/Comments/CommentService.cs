using System.Security.Claims;
using Agora.Web.Features.Notifications;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>What the comment mechanism needs to know about a commentable thing, from the module that owns it.</summary>
/// <param name="Url">Local path of the thing's page.</param>
/// <param name="Title">Shown in notifications.</param>
/// <param name="ClosedReason">Resource key of why commenting is closed now, or null when it is open.</param>
/// <param name="Owners">People told about new top-level comments (e.g. the proposal's author).</param>
/// <param name="CanModerate">Whether the reader may moderate here (process administrators, staff).</param>
public sealed record CommentTargetInfo(string Url, string Title, string? ClosedReason, IReadOnlyList<Guid> Owners, bool CanModerate = false);

/// <summary>Implemented by each module whose things take comments; registered as a scoped service.</summary>
public interface ICommentTarget
{
    string Type { get; }

    /// <summary>Null when the thing does not exist or the reader may not see it (404).</summary>
    Task<CommentTargetInfo?> FindAsync(Guid id, ClaimsPrincipal reader, CancellationToken ct);

    /// <summary>Stores the thing's comment count again (visible comments only) after a change.</summary>
    Task RecountAsync(Guid id, CancellationToken ct);
}

public sealed record CommentView(
    Guid Id, Guid? ParentId, Guid RootId, int Depth, Guid AuthorId, string AuthorName, string Body, Stance Stance,
    int Upvotes, int Downvotes, DateTime CreatedAt, DateTime? EditedAt, DateTime? DeletedAt, DateTime? HiddenAt, string? HiddenReason)
{
    public List<CommentView> Replies { get; } = [];
    public int MyVote { get; set; }
    public bool Gone => DeletedAt != null || HiddenAt != null;
}

public sealed record StanceCounts(int InFavour, int Against, int Neutral)
{
    public int Total => InFavour + Against + Neutral;
}

/// <summary>One page of a thread: top-level comments with all their replies, the stance counts and what the reader may do.</summary>
public sealed record CommentThread(
    string TargetType, Guid TargetId, string ReturnUrl, IReadOnlyList<CommentView> Items, int Page, int Pages,
    StanceCounts Stances, string? ClosedReason, Guid? ViewerId, bool CanModerate)
{
    /// <summary>Organisations mentioned on this page, by slug.</summary>
    public IReadOnlyDictionary<string, string> Mentioned { get; init; } = new Dictionary<string, string>();
}

public sealed class CommentOptions
{
    /// <summary>Top-level comments per page of a thread.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>How many comments one person may post per minute, on top of the site-wide write limit.</summary>
    public int PerMinute { get; set; } = 10;
}

/// <summary>Reads and writes comments for every kind of target.</summary>
public sealed class CommentService(
    AgoraDb db, IEnumerable<ICommentTarget> targets, Notifier notifier, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<CommentOptions> options)
{
    public const int MaxDepth = 3;
    public const int MaxLength = 5000;

    public ICommentTarget? Target(string type) => targets.FirstOrDefault(t => t.Type == type);

    /// <summary>Five queries whatever the thread's size: stance counts, top-level count, the page, its replies, the reader's votes.</summary>
    public async Task<CommentThread> LoadAsync(string type, Guid targetId, CommentTargetInfo info, int page, Guid? viewerId, CancellationToken ct)
    {
        var size = options.Value.PageSize;
        var all = db.Set<Comment>().AsNoTracking().Where(c => c.TargetType == type && c.TargetId == targetId);
        var stances = await all.Where(c => c.DeletedAt == null && c.HiddenAt == null)
            .GroupBy(c => c.Stance).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(Stance s) => stances.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var topCount = await all.CountAsync(c => c.Depth == 1, ct);
        var pages = Math.Max(1, (topCount + size - 1) / size);
        page = Math.Clamp(page, 1, pages);
        var top = await Project(all.Where(c => c.Depth == 1).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        var rootIds = top.Select(c => c.Id).ToList();
        var replies = rootIds.Count == 0 ? [] : await Project(db.Set<Comment>().AsNoTracking()
            .Where(c => rootIds.Contains(c.RootId) && c.Depth > 1).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)).ToListAsync(ct);
        if (viewerId is Guid me && top.Count > 0)
        {
            var ids = rootIds.Concat(replies.Select(r => r.Id)).ToList();
            var votes = await db.Set<CommentVote>().AsNoTracking().Where(v => v.UserId == me && ids.Contains(v.CommentId))
                .ToDictionaryAsync(v => v.CommentId, v => v.Value, ct);
            foreach (var c in top.Concat(replies))
                c.MyVote = votes.GetValueOrDefault(c.Id);
        }
        var byId = top.Concat(replies).ToDictionary(c => c.Id);
        foreach (var r in replies)
            if (r.ParentId is Guid pid && byId.TryGetValue(pid, out var parent))
                parent.Replies.Add(r);
        var mentioned = await Mentions.FindAsync(db, top.Concat(replies).Where(c => !c.Gone).Select(c => c.Body), ct);
        return new CommentThread(type, targetId, info.Url, top, page, pages,
            new StanceCounts(Of(Stance.InFavour), Of(Stance.Against), Of(Stance.Neutral)), info.ClosedReason, viewerId, info.CanModerate)
        { Mentioned = mentioned };
    }

    private IQueryable<CommentView> Project(IQueryable<Comment> q) =>
        q.Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new CommentView(
            c.Id, c.ParentId, c.RootId, c.Depth, c.AuthorId, u.DeletedAt != null ? "" : u.DisplayName, c.Body, c.Stance,
            c.Upvotes, c.Downvotes, c.CreatedAt, c.EditedAt, c.DeletedAt, c.HiddenAt, c.HiddenReason));

    /// <summary>Adds a comment, or returns the resource key of why not. The caller checked the person may act.</summary>
    public async Task<(Comment? Comment, string? Error)> AddAsync(Guid authorId, string type, Guid targetId, CommentTargetInfo info,
        Guid? parentId, string body, Stance stance, CancellationToken ct)
    {
        if (info.ClosedReason != null)
            return (null, info.ClosedReason);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddMinutes(-1);
        if (await db.Set<Comment>().CountAsync(c => c.AuthorId == authorId && c.CreatedAt > since, ct) >= options.Value.PerMinute)
            return (null, "Comments.TooFast");
        var comment = new Comment
        {
            TargetType = type,
            TargetId = targetId,
            AuthorId = authorId,
            Body = body.Trim(),
            Stance = stance,
            CreatedAt = now,
            Depth = 1,
        };
        comment.RootId = comment.Id;
        Guid? parentAuthor = null;
        if (parentId is Guid pid)
        {
            var parent = await db.Set<Comment>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == pid && c.TargetType == type && c.TargetId == targetId, ct);
            if (parent == null || parent.DeletedAt != null || parent.HiddenAt != null)
                return (null, "Comments.ParentGone");
            if (parent.Depth >= MaxDepth)
                return (null, "Comments.TooDeep");
            comment.ParentId = parent.Id;
            comment.RootId = parent.RootId;
            comment.Depth = parent.Depth + 1;
            parentAuthor = parent.AuthorId;
        }
        db.Add(comment);
        var url = info.Url + "#comment-" + comment.Id;
        if (parentAuthor is Guid pa)
            await notifier.NotifyAsync([pa], NotificationKind.Reply, "Notifications.Text.Reply", info.Title, url, authorId, ct);
        else
            await notifier.NotifyAsync(info.Owners, NotificationKind.Reply, "Notifications.Text.Commented", info.Title, url, authorId, ct);
        await SaveCountingAsync(type, targetId, ct);
        return (comment, null);
    }

    /// <summary>Stores the target's comment count again from its rows. Call it inside the transaction that changed
    /// the comments (see <see cref="SaveCountingAsync"/>), or from the counter repair.</summary>
    public async Task RecountAsync(string type, Guid targetId, CancellationToken ct)
    {
        if (Target(type) is { } t)
        {
            await db.LockCounterAsync("comments:" + type, targetId, ct);
            await t.RecountAsync(targetId, ct);
        }
    }

    /// <summary>Saves the unit of work and recounts the target's comments in one transaction: a crash between the two
    /// statements can no longer leave a comment without its count.</summary>
    public Task SaveCountingAsync(string type, Guid targetId, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await RecountAsync(type, targetId, ct);
        }, ct);

    /// <summary>Counts a person's vote once: the same vote again takes it back, the other one replaces it.</summary>
    public Task VoteAsync(Guid commentId, Guid userId, int value, CancellationToken ct)
    {
        value = Math.Sign(value);
        // The vote and the comment's stored tallies change in one transaction (a savepoint covers the failed insert).
        // The comment's votes are locked before the person's vote is read, so two clicks at once act one after the
        // other (the second takes the first one back) and the tallies equal the rows.
        return db.InTransactionAsync(async () =>
        {
            await db.LockCounterAsync(nameof(Comment.Upvotes), commentId, ct);
            var existing = await db.Set<CommentVote>().FirstOrDefaultAsync(v => v.CommentId == commentId && v.UserId == userId, ct);
            if (existing == null)
            {
                if (value != 0)
                    db.Add(new CommentVote { CommentId = commentId, UserId = userId, Value = value });
            }
            else if (existing.Value == value || value == 0)
                db.Remove(existing);
            else
                existing.Value = value;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A parallel request of the same person voted first; the key kept it to one vote.
                db.ChangeTracker.Clear();
            }
            await RecountVotesAsync(commentId, ct);
        }, ct);
    }

    /// <summary>Stores a comment's up- and down-vote tallies again from its votes.</summary>
    public Task<int> RecountVotesAsync(Guid commentId, CancellationToken ct) =>
        db.Set<Comment>().Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Upvotes, c => db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value > 0))
            .SetProperty(c => c.Downvotes, c => db.Set<CommentVote>().Count(v => v.CommentId == c.Id && v.Value < 0)), ct);
}
