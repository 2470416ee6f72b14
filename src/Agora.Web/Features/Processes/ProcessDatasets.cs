using System.Runtime.CompilerServices;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Processes;

public sealed class ProcessesDataset : IOpenDataset
{
    public string Name => "processes";
    public LocalizedText Title => new("Процеси на участие", "Participatory processes");
    public LocalizedText Description => new(
        "Публикуваните процеси на участие на Столична община: тема, обхват, срокове и включени модули.",
        "The published participatory processes of Sofia Municipality: theme, scope, dates and the modules switched on.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("slug", Text, "Кратко име в адреса", "Short name in the address"),
        new("title_bg", Text, "Заглавие (български)", "Title (Bulgarian)"),
        new("title_en", Text, "Заглавие (английски)", "Title (English)"),
        new("summary_bg", Text, "Резюме (български)", "Summary (Bulgarian)"),
        new("summary_en", Text, "Резюме (английски)", "Summary (English)"),
        new("theme_bg", Text, "Тема (български)", "Theme (Bulgarian)"),
        new("theme_en", Text, "Тема (английски)", "Theme (English)"),
        new("districts", Text, "Райони (ключове, разделени със запетая); празно — цялата община", "Districts (keys, comma-separated); empty means the whole city"),
        new("starts_on", Date, "Начало", "First day"),
        new("ends_on", Date, "Край", "Last day"),
        new("components", Text, "Включени модули", "Modules switched on"),
        new("published_at", FieldType.DateTime, "Публикуван на (UTC)", "Published at (UTC)"),
        new("updated_at", FieldType.DateTime, "Последна промяна (UTC)", "Last change (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = PublicProcesses.All(context.Db).AsNoTracking().OrderBy(p => p.StartsOn).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Slug, TB = p.Title.Bg, TE = p.Title.En, SB = p.Summary.Bg, SE = p.Summary.En, HB = p.Theme.Bg, HE = p.Theme.En, p.Scope, p.StartsOn, p.EndsOn, p.Components, p.PublishedAt, p.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return [p.Id.ToString(), p.Slug, p.TB, p.TE, p.SB, p.SE, p.HB, p.HE, p.Scope, p.StartsOn, p.EndsOn, p.Components, p.PublishedAt, p.UpdatedAt, context.Link("/processes/" + p.Slug)];
    }
}

public sealed class PhasesDataset : IOpenDataset
{
    public string Name => "phases";
    public LocalizedText Title => new("Етапи на процесите", "Phases of the processes");
    public LocalizedText Description => new(
        "Етапите на публикуваните процеси на участие, по ред, със сроковете им и кой е текущият.",
        "The phases of the published participatory processes, in order, with their dates and which one is current.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process_id", Text, "Процес (идентификатор)", "Process (identifier)"),
        new("position", Number, "Пореден номер", "Position"),
        new("title_bg", Text, "Заглавие (български)", "Title (Bulgarian)"),
        new("title_en", Text, "Заглавие (английски)", "Title (English)"),
        new("starts_on", Date, "Начало", "First day"),
        new("ends_on", Date, "Край", "Last day"),
        new("is_current", FieldType.Boolean, "Текущ етап", "Current phase"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var processes = PublicProcesses.All(context.Db).Select(p => p.Id);
        var rows = context.Db.Set<Phase>().AsNoTracking().Where(ph => processes.Contains(ph.ProcessId))
            .OrderBy(ph => ph.ProcessId).ThenBy(ph => ph.Position)
            .Select(ph => new { ph.Id, ph.ProcessId, ph.Position, TB = ph.Title.Bg, TE = ph.Title.En, ph.StartsOn, ph.EndsOn, ph.IsCurrent })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return [p.Id.ToString(), p.ProcessId.ToString(), p.Position, p.TB, p.TE, p.StartsOn, p.EndsOn, p.IsCurrent];
    }
}
