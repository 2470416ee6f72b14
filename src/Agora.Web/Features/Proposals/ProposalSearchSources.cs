using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Proposals;

/// <summary>Proposals; hidden (moderated) ones are not indexed.</summary>
public sealed class ProposalSearchSource : QuerySearchSource<Proposal, ProposalSearchSource.Row>
{
    public const string KindName = ProposalCommentTarget.TypeName;

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, string Title, string Body, string? Answer, string? District,
        ProposalState State, DateTime CreatedAt);

    public override string Kind => KindName;

    protected override string Component => ProposalService.Key;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Proposal>(KindName, p => p.Id)];

    protected override Expression<Func<Proposal, Guid>> IdOf => p => p.Id;

    protected override IQueryable<Proposal> Items(AgoraDb db) => db.Set<Proposal>().Where(p => p.HiddenAt == null);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Proposal> items) =>
        items.Join(db.Set<Process>(), p => p.ProcessId, pr => pr.Id, (p, pr) =>
                new Row(p.Id, pr.Id, pr.Slug, p.Title, p.Body, p.AnswerText, p.District, p.State, p.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/proposals/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            District = r.District,
            Date = r.CreatedAt,
            State = r.State.ToString(),
        }.WithCitizenText(r.Title, r.Body + "\n" + r.Answer);
}

/// <summary>
/// Comments on proposals and debates, linked to their place in the thread. Deleted and hidden comments are not
/// indexed, nor those whose proposal or debate is hidden. A comment's change also touches the thing commented.
/// </summary>
public sealed class CommentSearchSource : ISearchSource, ISearchChildSource
{
    public const string KindName = "comment";

    private sealed record Row(Guid Id, string TargetType, Guid TargetId, string Body, DateTime CreatedAt);

    private sealed record Target(Guid Id, Guid ProcessId, string Slug, string Title, string? District);

    public string Kind => KindName;

    public IReadOnlyList<SearchTrigger> Triggers { get; } =
        [SearchTrigger.For<Comment>(c => [(KindName, c.Id), (c.TargetType, c.TargetId)])];

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(AgoraDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = ids.Distinct().ToList();
        var rows = await Project(Indexable(db).Where(c => list.Contains(c.Id))).ToListAsync(ct);
        return await DocumentsAsync(db, rows, ct);
    }

    public IReadOnlyCollection<string> ParentKinds { get; } = [ProposalSearchSource.KindName, DebateSearchSource.KindName];

    public async Task<IReadOnlyList<SearchDocument>> LoadChildrenAsync(AgoraDb db, string parentKind, IReadOnlyCollection<Guid> parentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = parentIds.Distinct().ToList();
        var rows = await Project(Indexable(db).Where(c => c.TargetType == parentKind && list.Contains(c.TargetId))).ToListAsync(ct);
        return await DocumentsAsync(db, rows, ct);
    }

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync(AgoraDb db, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Keyset paging (each batch starts after the last id of the previous one): a seek on the primary key per batch,
        // where OFFSET re-read every earlier comment — quadratic over half a million comments.
        Guid? after = null;
        while (true)
        {
            var comments = Indexable(db);
            if (after is Guid a)
                comments = comments.Where(c => c.Id.CompareTo(a) > 0);
            var rows = await Project(comments.OrderBy(c => c.Id).Take(batchSize)).ToListAsync(ct);
            if (rows.Count > 0)
                yield return await DocumentsAsync(db, rows, ct);
            if (rows.Count < batchSize)
                yield break;
            after = rows[^1].Id;
        }
    }

    private static IQueryable<Comment> Indexable(AgoraDb db) =>
        db.Set<Comment>().AsNoTracking()
            .Where(c => c.DeletedAt == null && c.HiddenAt == null
                && (c.TargetType == ProposalSearchSource.KindName || c.TargetType == DebateSearchSource.KindName));

    private static IQueryable<Row> Project(IQueryable<Comment> comments) =>
        comments.Select(c => new Row(c.Id, c.TargetType, c.TargetId, c.Body, c.CreatedAt));

    private static async Task<IReadOnlyList<SearchDocument>> DocumentsAsync(AgoraDb db, List<Row> rows, CancellationToken ct)
    {
        var proposalIds = rows.Where(r => r.TargetType == ProposalSearchSource.KindName).Select(r => r.TargetId).Distinct().ToList();
        var debateIds = rows.Where(r => r.TargetType == DebateSearchSource.KindName).Select(r => r.TargetId).Distinct().ToList();
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => proposalIds.Contains(p.Id) && p.HiddenAt == null)
            .Join(db.Set<Process>(), p => p.ProcessId, pr => pr.Id, (p, pr) => new Target(p.Id, pr.Id, pr.Slug, p.Title, p.District))
            .ToDictionaryAsync(t => t.Id, ct);
        var debates = await db.Set<Debate>().AsNoTracking().Where(d => debateIds.Contains(d.Id) && d.HiddenAt == null)
            .Join(db.Set<Process>(), d => d.ProcessId, pr => pr.Id, (d, pr) => new Target(d.Id, pr.Id, pr.Slug, d.Title, null))
            .ToDictionaryAsync(t => t.Id, ct);
        var docs = new List<SearchDocument>(rows.Count);
        foreach (var r in rows)
        {
            var isProposal = r.TargetType == ProposalSearchSource.KindName;
            if (!(isProposal ? proposals : debates).TryGetValue(r.TargetId, out var t))
                continue;
            var segment = isProposal ? "proposals" : "debates";
            docs.Add(new SearchDocument(KindName, r.Id, $"/processes/{t.Slug}/{segment}/{t.Id}#comment-{r.Id}")
            {
                ProcessId = t.ProcessId,
                ProcessSlug = t.Slug,
                District = t.District,
                Date = r.CreatedAt,
                Parent = t.Id,
                Component = isProposal ? ProposalService.Key : DebateCommentTarget.Key,
            }.WithCitizenText(t.Title, r.Body));
        }
        return docs;
    }
}
