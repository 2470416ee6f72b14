using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Infrastructure.Search;

/// <summary>Who may find an indexed item. Hidden, deleted and moderated-away items are not indexed at all.</summary>
public enum SearchVisibility
{
    /// <summary>Everyone (still subject to its process being published, see <see cref="SearchDocument.ProcessId"/>).</summary>
    Public,
    /// <summary>Only those who manage the item's process (its administrators and site administrators), e.g. drafts.</summary>
    ProcessManagers,
    /// <summary>Only site administrators, e.g. a draft outside any process or an unlisted organisation.</summary>
    Administrators,
}

/// <summary>
/// One searchable item as a source hands it to the index: where it lives, when, who may see it, and its text in both
/// languages. Text is plain (Markdown is stripped by the index); an empty language is simply not indexed.
/// </summary>
public sealed record SearchDocument(string Kind, Guid Id, string Url)
{
    /// <summary>The process the item belongs to: an item of an unpublished process is shown only to its managers.</summary>
    public Guid? ProcessId { get; init; }
    public string? ProcessSlug { get; init; }
    /// <summary>A district key (as in <c>Features/Processes/Districts.cs</c>), or null for the whole city.</summary>
    public string? District { get; init; }
    /// <summary>The item's date for sorting and the date filter (published, starts, created …), UTC.</summary>
    public DateTime Date { get; init; }
    /// <summary>A short state word shown beside the result (e.g. a proposal's state); optional.</summary>
    public string? State { get; init; }
    public SearchVisibility Visibility { get; init; }
    /// <summary>The item this one belongs to (a comment's proposal): removing the parent from the index removes it too.</summary>
    public Guid? Parent { get; init; }
    /// <summary>The process component (module key, e.g. "proposals") the item is part of: while its process has the
    /// component switched off, its pages answer 404, and search does not find it either — for anyone.</summary>
    public string? Component { get; init; }
    /// <summary>On a process's own document only: the components it has switched on. Search reads them from the
    /// index to hide the items of the others, so switching a module off or on re-indexes one document, not its items.</summary>
    public IReadOnlyCollection<string>? Components { get; init; }
    public string TitleBg { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public string TextBg { get; init; } = "";
    public string TextEn { get; init; } = "";

    /// <summary>Fills both languages from admin-translated text.</summary>
    public SearchDocument WithText(LocalizedText title, params LocalizedText[] text) => this with
    {
        TitleBg = title.Bg,
        TitleEn = title.En,
        TextBg = string.Join("\n", text.Select(t => t.Bg)),
        TextEn = string.Join("\n", text.Select(t => t.En)),
    };

    /// <summary>Citizen text is written in one language: it is indexed as Bulgarian (and transliterated), since
    /// the English analyser would only add English stemming to mostly Bulgarian text.</summary>
    public SearchDocument WithCitizenText(string title, string text) => this with { TitleBg = title, TextBg = text };
}

/// <summary>An entity type whose saved changes touch search documents: which (kind, id) pairs a changed entity maps to.</summary>
public sealed record SearchTrigger(Type EntityType, Func<object, IEnumerable<(string Kind, Guid Id)>> Touches)
{
    public static SearchTrigger For<T>(string kind, Func<T, Guid> id) =>
        new(typeof(T), e => [(kind, id((T)e))]);

    public static SearchTrigger For<T>(Func<T, IEnumerable<(string Kind, Guid Id)>> touches) =>
        new(typeof(T), e => touches((T)e));
}

/// <summary>
/// One kind of searchable item (proposals, news …). Sources are singletons without state: each call gets the
/// database to read from. Register with <c>services.AddSearchSource&lt;T&gt;()</c>; see README.md in this folder.
/// </summary>
public interface ISearchSource
{
    /// <summary>The kind, stored on each document and used as the type facet (e.g. "proposal").</summary>
    string Kind { get; }

    /// <summary>Entity types whose inserts, updates and deletes (through SaveChanges) mark documents for re-reading.</summary>
    IReadOnlyList<SearchTrigger> Triggers { get; }

    /// <summary>The documents for these ids that may be indexed now; an id left out is removed from the index
    /// (deleted, hidden, merged away …).</summary>
    Task<IReadOnlyList<SearchDocument>> LoadAsync(AgoraDb db, IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>Every indexable document, in batches, for a rebuild.</summary>
    IAsyncEnumerable<IReadOnlyList<SearchDocument>> LoadAllAsync(AgoraDb db, int batchSize, CancellationToken ct);
}

/// <summary>
/// A source whose items belong to items of other kinds (comments to proposals and debates). Removing a parent removes
/// its children (<see cref="SearchDocument.Parent"/>); when a parent comes into the index again (restored after
/// moderation), the indexer asks for its children here, so they come back without a rebuild.
/// </summary>
public interface ISearchChildSource
{
    IReadOnlyCollection<string> ParentKinds { get; }

    /// <summary>The indexable children of these parents of one kind.</summary>
    Task<IReadOnlyList<SearchDocument>> LoadChildrenAsync(AgoraDb db, string parentKind, IReadOnlyCollection<Guid> parentIds, CancellationToken ct);
}
