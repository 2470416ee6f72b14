using System.ComponentModel;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Comments;

/// <summary>A comment as the API shows it (v1): the author by public name only.</summary>
[Description("A comment on a proposal or a debate.")]
public sealed record ApiComment(
    [property: Description("The comment's id.")] Guid Id,
    [property: Description("What it comments on.")] ApiCommentTarget Target,
    [property: Description("The slug of the process of what it comments on.")] string Process,
    [property: Description("The comment it replies to; absent for a top-level comment. The parent may be absent from the API when it was deleted or hidden.")] Guid? ParentId,
    [property: Description("1 for a top-level comment, up to 3 for replies.")] int Depth,
    [property: Description("The author's public name; absent when the account was deleted.")] string? Author,
    [property: Description("The text, Markdown.")] string Body,
    [property: Description("The author's stance on what it comments on: neutral, inFavour or against.")] Stance Stance,
    [property: Description("Up votes.")] int Upvotes,
    [property: Description("Down votes.")] int Downvotes,
    [property: Description("When it was written, UTC.")] DateTime CreatedAt,
    [property: Description("When it was last edited, UTC; absent when never.")] DateTime? EditedAt);

[Description("The thing a comment is on.")]
public sealed record ApiCommentTarget(
    [property: Description("proposal or debate: the collection to find it in (/api/v1/proposals, /api/v1/debates).")] string Type,
    [property: Description("Its id.")] Guid Id,
    [property: Description("Its page, where the thread is.")] Uri Url);

/// <summary>/api/v1/comments: comments on visible proposals and debates; deleted and hidden comments never appear.</summary>
public sealed class CommentsApi : IApiModule
{
    public static readonly ApiKind Kind = new("comments", "comment",
        "Comments on the proposals and debates that the API shows, the author by public name only. Deleted comments, " +
        "comments hidden by moderation and comments on hidden things never appear. updated_since counts edits.",
        typeof(ApiComment),
        new ApiComment(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"),
            new ApiCommentTarget("proposal", Guid.Parse("7d1e5c3a-2b4f-4e6a-8c9d-1f2e3a4b5c6d"),
                new Uri("https://agora.sofia.bg/processes/icc-2026/proposals/7d1e5c3a-2b4f-4e6a-8c9d-1f2e3a4b5c6d")),
            "icc-2026", null, 1, "Мария Иванова", "Подкрепям, но нека има и мобилно приложение.", Stance.InFavour, 3, 0,
            new DateTime(2026, 5, 3, 12, 0, 0, DateTimeKind.Utc), null),
        [ProcessApiFilters.Process, ApiFilter.Id("proposal", "Only comments on this proposal."), ApiFilter.Id("debate", "Only comments on this debate."),
         ApiFilter.UpdatedSince]);

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/comments", ListAsync);
        api.MapRead("/comments/{id:guid}", GetAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var proposal = list.Id("proposal");
        var debate = list.Id("debate");
        var processId = await list.ProcessIdAsync(db, ct);
        var proposals = ProposalsApi.Public(db);
        var debates = DebatesApi.Public(db);
        if (processId is Guid pid)
        {
            proposals = proposals.Where(p => p.ProcessId == pid);
            debates = debates.Where(d => d.ProcessId == pid);
        }
        if (proposal is Guid pr)
        {
            proposals = proposals.Where(p => p.Id == pr);
            debates = debates.Where(_ => false);
        }
        if (debate is Guid de)
        {
            debates = debates.Where(d => d.Id == de);
            if (proposal == null)
                proposals = proposals.Where(_ => false);
        }
        var q = Public(db, proposals, debates);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(c => (c.EditedAt ?? c.CreatedAt) >= since);
        if (list.After is ApiCursor a)
            q = q.Where(c => c.CreatedAt > a.At || (c.CreatedAt == a.At && c.Id.CompareTo(a.Id) > 0));
        var rows = await Project(db, q).OrderBy(r => r.C.CreatedAt).ThenBy(r => r.C.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links)).ToList(), c => new ApiCursor(c.CreatedAt, c.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, PublicLinks links, CancellationToken ct)
    {
        var row = await Project(db, Public(db, ProposalsApi.Public(db), DebatesApi.Public(db)).Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row?.ToApi(links), Kind.Singular);
    }

    private static IQueryable<Comment> Public(AgoraDb db, IQueryable<Proposal> proposals, IQueryable<Debate> debates) =>
        db.Set<Comment>().AsNoTracking().Where(c => c.DeletedAt == null && c.HiddenAt == null
            && ((c.TargetType == ProposalCommentTarget.TypeName && proposals.Any(p => p.Id == c.TargetId))
                || (c.TargetType == DebateCommentTarget.TypeName && debates.Any(d => d.Id == c.TargetId))));

    private sealed class Row
    {
        public required Comment C { get; init; }
        public string? Process { get; init; }
        public string? Author { get; init; }

        public ApiComment ToApi(PublicLinks links)
        {
            var segment = C.TargetType == DebateCommentTarget.TypeName ? "debates" : "proposals";
            return new(C.Id, new ApiCommentTarget(C.TargetType, C.TargetId, new Uri(links.Absolute($"/processes/{Process}/{segment}/{C.TargetId}"))),
                Process ?? "", C.ParentId, C.Depth, ApiScope.PublicName(Author), C.Body, C.Stance, C.Upvotes, C.Downvotes, C.CreatedAt, C.EditedAt);
        }
    }

    /// <summary>The comment with its author's public name and its target's process slug: one query.</summary>
    private static IQueryable<Row> Project(AgoraDb db, IQueryable<Comment> comments) =>
        from c in comments
        join u in db.Users on c.AuthorId equals u.Id
        select new Row
        {
            C = c,
            Author = u.DeletedAt != null ? null : u.DisplayName,
            Process = db.Set<Process>().Where(p =>
                    (c.TargetType == ProposalCommentTarget.TypeName && db.Set<Proposal>().Any(x => x.Id == c.TargetId && x.ProcessId == p.Id))
                    || (c.TargetType == DebateCommentTarget.TypeName && db.Set<Debate>().Any(x => x.Id == c.TargetId && x.ProcessId == p.Id)))
                .Select(p => p.Slug).FirstOrDefault(),
        };
}
