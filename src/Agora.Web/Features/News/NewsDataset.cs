using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.News;

public sealed class NewsDataset : IOpenDataset
{
    public string Name => "news";
    public LocalizedText Title => new("Новини", "News");
    public LocalizedText Description => new(
        "Публикуваните новини на платформата и на процесите, с текста им на двата езика (Markdown).",
        "The published news of the platform and of the processes, with their text in both languages (Markdown).");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("slug", Text, "Кратко име в адреса", "Short name in the address"),
        new("process_id", Text, "Процес (идентификатор); празно за новина на платформата", "Process (identifier); empty for a site-wide post"),
        new("title_bg", Text, "Заглавие (български)", "Title (Bulgarian)"),
        new("title_en", Text, "Заглавие (английски)", "Title (English)"),
        new("lead_bg", Text, "Въведение (български)", "Lead (Bulgarian)"),
        new("lead_en", Text, "Въведение (английски)", "Lead (English)"),
        new("body_bg", Text, "Текст, Markdown (български)", "Text, Markdown (Bulgarian)"),
        new("body_en", Text, "Текст, Markdown (английски)", "Text, Markdown (English)"),
        new("published_at", FieldType.DateTime, "Публикувана на (UTC)", "Published at (UTC)"),
        new("updated_at", FieldType.DateTime, "Последна промяна (UTC)", "Last change (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var processes = PublicProcesses.All(context.Db).Select(p => p.Id);
        var rows = context.Db.Set<NewsPost>().AsNoTracking()
            .Where(p => p.Published && (p.ProcessId == null || processes.Contains(p.ProcessId.Value)))
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Slug, p.ProcessId, TB = p.Title.Bg, TE = p.Title.En, LB = p.Lead.Bg, LE = p.Lead.En, BB = p.Body.Bg, BE = p.Body.En, p.PublishedAt, p.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return [p.Id.ToString(), p.Slug, p.ProcessId?.ToString(), p.TB, p.TE, p.LB, p.LE, p.BB, p.BE, p.PublishedAt, p.UpdatedAt, context.Link("/news/" + p.Slug)];
    }
}
