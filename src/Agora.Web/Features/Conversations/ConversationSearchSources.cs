using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

/// <summary>
/// Published conversations of the opinion map, found by their topic and description. A conversation not yet
/// published is not indexed (its page is for its process's managers, who reach it from the process): publishing it
/// brings it, and its statements, into the index; unpublishing takes both out.
/// </summary>
public sealed class ConversationSearchSource : QuerySearchSource<Conversation, ConversationSearchSource.Row>
{
    public const string KindName = "conversation";

    public sealed record Row(Guid Id, Guid ProcessId, string Slug, LocalizedText Topic, LocalizedText Description, bool Closed, DateTime CreatedAt);

    public override string Kind => KindName;

    protected override string Component => ConversationsSetup.ComponentKey;

    public override IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Conversation>(KindName, c => c.Id)];

    protected override Expression<Func<Conversation, Guid>> IdOf => c => c.Id;

    protected override IQueryable<Conversation> Items(AgoraDb db) => db.Set<Conversation>().Where(c => c.Published);

    protected override IQueryable<Row> Project(AgoraDb db, IQueryable<Conversation> items) =>
        items.Join(db.Set<Process>(), c => c.ProcessId, p => p.Id, (c, p) =>
            new Row(c.Id, p.Id, p.Slug, c.Topic, c.Description, c.Closed, c.CreatedAt));

    protected override SearchDocument ToDocument(Row r) =>
        new SearchDocument(Kind, r.Id, $"/processes/{r.Slug}/conversations/{r.Id}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            State = r.Closed ? "Closed" : "Open",
        }.WithText(r.Topic, r.Description);
}

/// <summary>
/// The accepted statements of published conversations: a person looking for "велоалеи" finds the statement people
/// voted on, under its conversation's topic, and the link takes them to vote. Pending and rejected statements are not
/// indexed (others do not see them either). A statement belongs to its conversation (<see cref="SearchDocument.Parent"/>):
/// renaming, unpublishing or publishing the conversation carries over to its statements without a rebuild.
/// </summary>
public sealed class StatementSearchSource : ISearchSource, ISearchChildSource
{
    public const string KindName = "statement";

    private sealed record Row(Guid Id, Guid ConversationId, Guid ProcessId, string Slug, LocalizedText Topic, int Number,
        string Text, string Language, string TranslationEn, DateTime CreatedAt);

    public string Kind => KindName;

    public IReadOnlyList<SearchTrigger> Triggers { get; } = [SearchTrigger.For<Statement>(KindName, s => s.Id)];

    public IReadOnlyCollection<string> ParentKinds { get; } = [ConversationSearchSource.KindName];

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(AgoraDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = ids.Distinct().ToList();
        return (await Rows(db, Indexable(db).Where(s => list.Contains(s.Id))).ToListAsync(ct)).Select(ToDocument).ToList();
    }

    public async Task<IReadOnlyList<SearchDocument>> LoadChildrenAsync(AgoraDb db, string parentKind, IReadOnlyCollection<Guid> parentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = parentIds.Distinct().ToList();
        return (await Rows(db, Indexable(db).Where(s => list.Contains(s.ConversationId))).ToListAsync(ct)).Select(ToDocument).ToList();
    }

    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync(AgoraDb db, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Keyset paging on the statement's id, as every source's rebuild does.
        Guid? after = null;
        while (true)
        {
            var statements = Indexable(db);
            if (after is Guid a)
                statements = statements.Where(s => s.Id.CompareTo(a) > 0);
            var rows = await Rows(db, statements.OrderBy(s => s.Id).Take(batchSize)).ToListAsync(ct);
            if (rows.Count > 0)
                yield return rows.Select(ToDocument).ToList();
            if (rows.Count < batchSize)
                yield break;
            after = rows[^1].Id;
        }
    }

    private static IQueryable<Statement> Indexable(AgoraDb db) =>
        db.Set<Statement>().AsNoTracking().Where(s => s.Status == StatementStatus.Accepted);

    private static IQueryable<Row> Rows(AgoraDb db, IQueryable<Statement> statements) =>
        from s in statements
        join c in db.Set<Conversation>() on s.ConversationId equals c.Id
        where c.Published
        join p in db.Set<Process>() on c.ProcessId equals p.Id
        select new Row(s.Id, c.Id, p.Id, p.Slug, c.Topic, s.Number, s.Text, s.Language, s.TranslationEn, s.CreatedAt);

    private static SearchDocument ToDocument(Row r)
    {
        var doc = new SearchDocument(KindName, r.Id, $"/processes/{r.Slug}/conversations/{r.ConversationId}")
        {
            ProcessId = r.ProcessId,
            ProcessSlug = r.Slug,
            Date = r.CreatedAt,
            Parent = r.ConversationId,
            Component = ConversationsSetup.ComponentKey,
            TitleBg = r.Topic.Bg,
            TitleEn = r.Topic.En,
        };
        // Citizen text in the language it was written in; a seed statement's English translation beside it.
        return r.Language == "en"
            ? doc with { TextEn = r.Text }
            : doc with { TextBg = r.Text, TextEn = r.TranslationEn };
    }
}
