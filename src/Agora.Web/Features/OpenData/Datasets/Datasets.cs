using System.Runtime.CompilerServices;
using Agora.Web.Features.Events;
using Agora.Web.Features.Learning;
using Agora.Web.Features.News;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using static Agora.Web.Features.OpenData.FieldType;

namespace Agora.Web.Features.OpenData.Datasets;

// The datasets of what exists now. Each is a small class: columns described in both languages, then one streamed,
// projected query over public content only. Rows are yielded one by one from AsAsyncEnumerable.

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
        var rows = PublicContent.Processes(context.Db).AsNoTracking().OrderBy(p => p.StartsOn).ThenBy(p => p.Id)
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
        var processes = PublicContent.Processes(context.Db).Select(p => p.Id);
        var rows = context.Db.Set<Phase>().AsNoTracking().Where(ph => processes.Contains(ph.ProcessId))
            .OrderBy(ph => ph.ProcessId).ThenBy(ph => ph.Position)
            .Select(ph => new { ph.Id, ph.ProcessId, ph.Position, TB = ph.Title.Bg, TE = ph.Title.En, ph.StartsOn, ph.EndsOn, ph.IsCurrent })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return [p.Id.ToString(), p.ProcessId.ToString(), p.Position, p.TB, p.TE, p.StartsOn, p.EndsOn, p.IsCurrent];
    }
}

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
        var processes = PublicContent.Processes(context.Db).Select(p => p.Id);
        var rows = context.Db.Set<Event>().AsNoTracking()
            .Where(e => e.Published && (e.ProcessId == null || processes.Contains(e.ProcessId.Value)))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.ProcessId, e.Type, e.Format, TB = e.Title.Bg, TE = e.Title.En, e.StartsAt, e.EndsAt, e.Venue, e.Address, e.District, OB = e.Organiser.Bg, OE = e.Organiser.En, e.Capacity, e.RegisteredCount, e.AttendanceCount, e.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
            yield return [e.Id.ToString(), e.ProcessId?.ToString(), e.Type.ToString(), e.Format.ToString(), e.TB, e.TE, e.StartsAt, e.EndsAt, e.Venue, e.Address, e.District, e.OB, e.OE, e.Capacity, e.RegisteredCount, e.AttendanceCount, e.UpdatedAt, context.Link($"/events/{e.Id}")];
    }
}

public sealed class OrganizationsDataset : IOpenDataset
{
    public string Name => "organizations";
    public LocalizedText Title => new("Регистър на заинтересованите страни", "Stakeholder registry");
    public LocalizedText Description => new(
        "Организациите, вписани в публичния регистър: вид, сектори и уебсайт. Без лица за контакт и адреси на е-поща.",
        "The organisations listed in the public registry: kind, sectors and website. No contact people or e-mail addresses.");
    public string Frequency => OpenDataFrequency.Weekly;
    public IReadOnlyList<OpenDataField> Fields { get; } =
    [
        new("id", Text, "Идентификатор", "Identifier"),
        new("slug", Text, "Кратко име в адреса", "Short name in the address"),
        new("name_bg", Text, "Наименование (български)", "Name (Bulgarian)"),
        new("name_en", Text, "Наименование (английски)", "Name (English)"),
        new("kind", Text, "Вид: Company, ClusterOrAssociation, Ngo, UniversityOrSchool, PublicBody, CitizenGroup", "Kind: Company, ClusterOrAssociation, Ngo, UniversityOrSchool, PublicBody, CitizenGroup"),
        new("sectors", Text, "Сектори, разделени със запетая", "Sectors, comma-separated"),
        new("website", Url, "Уебсайт", "Website"),
        new("updated_at", FieldType.DateTime, "Последна промяна (UTC)", "Last change (UTC)"),
        new("url", Url, "Страница", "Page"),
    ];

    public async IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = context.Db.Set<Organization>().AsNoTracking().Where(o => o.Listed).OrderBy(o => o.Slug)
            .Select(o => new { o.Id, o.Slug, NB = o.Name.Bg, NE = o.Name.En, o.Kind, o.Sectors, o.Website, o.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var o in rows.WithCancellation(ct))
            yield return [o.Id.ToString(), o.Slug, o.NB, o.NE, o.Kind.ToString(), o.Sectors, o.Website, o.UpdatedAt, context.Link("/organizations/" + o.Slug)];
    }
}

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
        var processes = PublicContent.Processes(context.Db).Select(p => p.Id);
        var rows = context.Db.Set<NewsPost>().AsNoTracking()
            .Where(p => p.Published && (p.ProcessId == null || processes.Contains(p.ProcessId.Value)))
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Slug, p.ProcessId, TB = p.Title.Bg, TE = p.Title.En, LB = p.Lead.Bg, LE = p.Lead.En, BB = p.Body.Bg, BE = p.Body.En, p.PublishedAt, p.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
            yield return [p.Id.ToString(), p.Slug, p.ProcessId?.ToString(), p.TB, p.TE, p.LB, p.LE, p.BB, p.BE, p.PublishedAt, p.UpdatedAt, context.Link("/news/" + p.Slug)];
    }
}

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
