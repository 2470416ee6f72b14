using System.Runtime.CompilerServices;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Infrastructure.OpenData.FieldType;

namespace Agora.Web.Features.Events;

public sealed class EventsDataset : IOpenDataset
{
    public string Name => "events";
    public LocalizedText Title => new("Събития", "Events");
    public LocalizedText Description => new(
        "Публикуваните събития — работилници, уебинари, срещи и обществени обсъждания — с място, време и брой записани.",
        "The published events — workshops, webinars, meetings and public hearings — with place, time and number registered.");
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("process_id", Text, "Процес (идентификатор); празно за самостоятелно събитие", "Process (identifier); empty for a stand-alone event"),
        new("type", Text, "Вид: Workshop, Webinar, Meeting, PublicHearing", "Type: Workshop, Webinar, Meeting, PublicHearing"),
        new("format", Text, "Формат: InPerson, Online, Hybrid", "Format: InPerson, Online, Hybrid"),
        new("title_bg", Text, "Заглавие (български)", "Title (Bulgarian)"),
        new("title_en", Text, "Заглавие (английски)", "Title (English)"),
        new("starts_at", FieldType.DateTime, "Начало (UTC)", "Start (UTC)"),
        new("ends_at", FieldType.DateTime, "Край (UTC)", "End (UTC)"),
        new("venue", Text, "Място", "Venue"),
        new("address", Text, "Адрес", "Address"),
        new("district", Text, "Район (ключ)", "District (key)"),
        new("organiser_bg", Text, "Организатор (български)", "Organiser (Bulgarian)"),
        new("organiser_en", Text, "Организатор (английски)", "Organiser (English)"),
        new("capacity", Number, "Места; празно — без ограничение", "Places; empty means unlimited"),
        new("registered_count", Number, "Записани", "Registered"),
        new("attendance_count", Number, "Присъствали (след събитието)", "Attended (after the event)"),
        new("updated_at", FieldType.DateTime, "Последна промяна (UTC)", "Last change (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var processes = PublicProcesses.All(context.Db).Select(p => p.Id);
        var rows = context.Db.Set<Event>().AsNoTracking()
            .Where(e => e.Published && (e.ProcessId == null || processes.Contains(e.ProcessId.Value)))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.ProcessId, e.Type, e.Format, TB = e.Title.Bg, TE = e.Title.En, e.StartsAt, e.EndsAt, e.Venue, e.Address, e.District, OB = e.Organiser.Bg, OE = e.Organiser.En, e.Capacity, e.RegisteredCount, e.AttendanceCount, e.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
            yield return [e.Id.ToString(), e.ProcessId?.ToString(), e.Type.ToString(), e.Format.ToString(), e.TB, e.TE, e.StartsAt, e.EndsAt, e.Venue, e.Address, e.District, e.OB, e.OE, e.Capacity, e.RegisteredCount, e.AttendanceCount, e.UpdatedAt, context.Link($"/events/{e.Id}")];
    }
}
