using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Commitments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Surveys;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Search.Sources;

/// <summary>Proposals; hidden (moderated) ones are not indexed.</summary>
public sealed class ProposalSearchSource : QuerySearchSource<Proposal, ProposalSearchSource.Row>
{
    public const string KindName = ProposalCommentTarget.TypeName;

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, string Title, string Body, string? Answer, string? District,
        ProposalState State, DateTime CreatedAt);

    public override string Kind => KindName;

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

/// <summary>Debates; hidden ones are not indexed.</summary>
public sealed class DebateSearchSource : QuerySearchSource<Debate, DebateSearchSource.Row>
{
    public const string KindName = DebateCommentTarget.TypeName;

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, string Title, string Body, string? Conclusion, DateTime CreatedAt, bool Closed);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Debate>(KindName, d => d.Id)];

    protected override Expression<Func<Debate, Guid>> IdOf => d => d.Id;

    protected override IQueryable<Debate> Items(AgoraDb db) => db.Set<Debate>().Where(d => d.HiddenAt == null);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Debate> items) =>
        items.Join(db.Set<Process>(), d => d.ProcessId, pr => pr.Id, (d, pr) =>
                new Row(d.Id, pr.Id, pr.Slug, d.Title, d.Body, d.Conclusion, d.CreatedAt, d.ClosedAt != null));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/debates/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            State = r.Closed ? "Closed" : "Open",
        }.WithCitizenText(r.Title, r.Body + "\n" + r.Conclusion);
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
            }.WithCitizenText(t.Title, r.Body));
        }
        return docs;
    }
}

/// <summary>SWOT items of a board; items merged into another are not indexed (the one they merged into is).</summary>
public sealed class SwotItemSearchSource : QuerySearchSource<SwotItem, SwotItemSearchSource.Row>
{
    public const string KindName = "swot-item";

    public sealed record Row(Guid Id, Guid BoardId, Guid ProcessId, string Slug, string Text, string? Explanation, string Language, DateTime CreatedAt);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<SwotItem>(KindName, i => i.Id)];

    protected override Expression<Func<SwotItem, Guid>> IdOf => i => i.Id;

    protected override IQueryable<SwotItem> Items(AgoraDb db) => db.Set<SwotItem>().Where(i => i.MergedIntoId == null);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<SwotItem> items) =>
        from i in items
        join b in db.Set<SwotBoard>() on i.BoardId equals b.Id
        join p in db.Set<Process>() on b.ProcessId equals p.Id
        select new Row(i.Id, b.Id, p.Id, p.Slug, i.Text, i.Explanation, i.Language, i.CreatedAt);

    protected override SearchDocument ToDocument(Row r)
    {
        var doc = new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/swot/{r.BoardId}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
        };
        return r.Language == "en"
            ? doc with { TitleEn = r.Text, TextEn = r.Explanation ?? "" }
            : doc.WithCitizenText(r.Text, r.Explanation ?? "");
    }
}

/// <summary>Needs of a process, written by its facilitators in both languages.</summary>
public sealed class NeedSearchSource : QuerySearchSource<Need, NeedSearchSource.Row>
{
    public const string KindName = "need";

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, LocalizedText Title, LocalizedText Description, NeedStatus Status, DateTime CreatedAt);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Need>(KindName, n => n.Id)];

    protected override Expression<Func<Need, Guid>> IdOf => n => n.Id;

    protected override IQueryable<Need> Items(AgoraDb db) => db.Set<Need>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Need> items) =>
        items.Join(db.Set<Process>(), n => n.ProcessId, p => p.Id,
            (n, p) => new Row(n.Id, p.Id, p.Slug, n.Title, n.Description, n.Status, n.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/needs")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            State = r.Status.ToString(),
        }.WithText(r.Title, r.Description);
}

/// <summary>Commitments; those hidden by a facilitator are not indexed.</summary>
public sealed class CommitmentSearchSource : QuerySearchSource<Commitment, CommitmentSearchSource.Row>
{
    public const string KindName = "commitment";

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, string Title, string Description, string? TitleEn,
        string? DescriptionEn, CommitmentStatus Status, DateTime CreatedAt);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Commitment>(KindName, c => c.Id)];

    protected override Expression<Func<Commitment, Guid>> IdOf => c => c.Id;

    protected override IQueryable<Commitment> Items(AgoraDb db) => db.Set<Commitment>().Where(c => c.HiddenAt == null);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Commitment> items) =>
        items.Join(db.Set<Process>(), c => c.ProcessId, p => p.Id,
            (c, p) => new Row(c.Id, p.Id, p.Slug, c.Title, c.Description, c.TitleEn, c.DescriptionEn, c.Status, c.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/commitments/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            State = r.Status.ToString(),
            TitleEn = r.TitleEn ?? "",
            TextEn = r.DescriptionEn ?? "",
        }.WithCitizenText(r.Title, r.Description);
}

/// <summary>Surveys by title and description (answers are not searchable); drafts for the process's managers.</summary>
public sealed class SurveySearchSource : QuerySearchSource<Survey, SurveySearchSource.Row>
{
    public const string KindName = "survey";

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, LocalizedText Title, LocalizedText Description, bool Published, DateTime CreatedAt);

    public override string Kind => KindName;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Survey>(KindName, s => s.Id)];

    protected override Expression<Func<Survey, Guid>> IdOf => s => s.Id;

    protected override IQueryable<Survey> Items(AgoraDb db) => db.Set<Survey>();

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Survey> items) =>
        items.Join(db.Set<Process>(), s => s.ProcessId, p => p.Id,
            (s, p) => new Row(s.Id, p.Id, p.Slug, s.Title, s.Description, s.Published, s.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/surveys/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            Visibility = r.Published ? SearchVisibility.Public : SearchVisibility.ProcessManagers,
        }.WithText(r.Title, r.Description);
}
