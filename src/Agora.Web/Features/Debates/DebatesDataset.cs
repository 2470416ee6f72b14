using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Debates;

public sealed class DebatesDataset : IOpenDataset
{
    public string Name => "debates";
    public LocalizedText Title => new("Дебати", "Debates");
    public LocalizedText Description => new(
        "Дебатите в процесите на участие: въпрос, брой коментари, кога са закрити и заключението.",
        "The debates in the participatory processes: question, number of comments, when closed and the conclusion.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process_id", Text, "Процес (идентификатор)", "Process (identifier)"),
        new("title", Text, "Заглавие", "Title"),
        new("body", Text, "Текст (Markdown)", "Text (Markdown)"),
        new("author", Text, "Автор (псевдонимен идентификатор)", "Author (pseudonymous identifier)"),
        new("created_at", FieldType.DateTime, "Открит на (UTC)", "Opened at (UTC)"),
        new("comment_count", Number, "Брой коментари", "Number of comments"),
        new("closed_at", FieldType.DateTime, "Закрит на (UTC)", "Closed at (UTC)"),
        new("conclusion", Text, "Заключение (Markdown)", "Conclusion (Markdown)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = (from d in PublicDebates.All(context.Db).AsNoTracking()
                    join pr in context.Db.Set<Process>() on d.ProcessId equals pr.Id
                    orderby d.CreatedAt, d.Id
                    select new { d.Id, d.ProcessId, pr.Slug, d.Title, d.Body, d.AuthorId, d.CreatedAt, d.CommentCount, d.ClosedAt, d.Conclusion })
            .AsAsyncEnumerable();
        await foreach (var d in rows.WithCancellation(ct))
            yield return [d.Id.ToString(), d.ProcessId.ToString(), d.Title, d.Body, context.Pseudonym(d.AuthorId), d.CreatedAt, d.CommentCount, d.ClosedAt, d.Conclusion, context.Link($"/processes/{d.Slug}/debates/{d.Id}")];
    }
}
