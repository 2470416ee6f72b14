using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Learning;

public sealed class GuidesDataset : IOpenDataset
{
    public string Name => "learning-guides";
    public LocalizedText Title => new("Ръководства за участие", "Participation guides");
    public LocalizedText Description => new(
        "Публикуваните ръководства на учебния център, на двата езика (Markdown), с аудитория, тема и дата на преглед.",
        "The published guides of the learning hub, in both languages (Markdown), with audience, topic and review date.");
    public string Frequency => OpenDataFrequency.Weekly;
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("slug", Text, "Кратко име в адреса", "Short name in the address"),
        new("title_bg", Text, "Заглавие (български)", "Title (Bulgarian)"),
        new("title_en", Text, "Заглавие (английски)", "Title (English)"),
        new("summary_bg", Text, "Резюме (български)", "Summary (Bulgarian)"),
        new("summary_en", Text, "Резюме (английски)", "Summary (English)"),
        new("body_bg", Text, "Текст, Markdown (български)", "Text, Markdown (Bulgarian)"),
        new("body_en", Text, "Текст, Markdown (английски)", "Text, Markdown (English)"),
        new("audience", Text, "Аудитория: Citizens, Organisations, MunicipalStaff", "Audience: Citizens, Organisations, MunicipalStaff"),
        new("topic", Text, "Тема", "Topic"),
        new("reviewed_on", Date, "Последен преглед", "Last reviewed"),
        new("published_at", FieldType.DateTime, "Публикувано на (UTC)", "Published at (UTC)"),
        new("updated_at", FieldType.DateTime, "Последна промяна (UTC)", "Last change (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = context.Db.Set<Guide>().AsNoTracking().Where(g => g.Published).OrderBy(g => g.Slug)
            .Select(g => new { g.Id, g.Slug, TB = g.Title.Bg, TE = g.Title.En, SB = g.Summary.Bg, SE = g.Summary.En, BB = g.Body.Bg, BE = g.Body.En, g.Audience, g.Topic, g.ReviewedOn, g.PublishedAt, g.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var g in rows.WithCancellation(ct))
            yield return [g.Id.ToString(), g.Slug, g.TB, g.TE, g.SB, g.SE, g.BB, g.BE, g.Audience.ToString(), g.Topic.ToString(), g.ReviewedOn, g.PublishedAt, g.UpdatedAt, context.Link("/learn/guides/" + g.Slug)];
    }
}
