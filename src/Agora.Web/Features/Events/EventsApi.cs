using System.ComponentModel;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>An event as the API shows it (v1). The meeting link is left out: the page shows it to registered people only.</summary>
[Description("A published event: workshop, webinar, meeting or public hearing.")]
public sealed record ApiEvent(
    [property: Description("The event's id.")] Guid Id,
    [property: Description("The slug of its process; absent for a stand-alone event of the municipality.")] string? Process,
    [property: Description("workshop, webinar, meeting or publicHearing.")] EventType Type,
    [property: Description("inPerson, online or hybrid.")] EventFormat Format,
    [property: Description("Title.")] ApiText Title,
    [property: Description("Description, Markdown.")] ApiText Description,
    [property: Description("Start, UTC.")] DateTime StartsAt,
    [property: Description("End, UTC.")] DateTime EndsAt,
    [property: Description("Venue name.")] string Venue,
    [property: Description("Street address.")] string Address,
    [property: Description("District key; absent when none.")] string? District,
    [property: Description("Who organises it.")] ApiText Organiser,
    [property: Description("Places; absent when unlimited.")] int? Capacity,
    [property: Description("People registered.")] int RegisteredCount,
    [property: Description("The agenda in order.")] IReadOnlyList<ApiAgendaItem> Agenda,
    [property: Description("Minutes after the event, Markdown.")] ApiText Minutes,
    [property: Description("Outcomes after the event, Markdown.")] ApiText Outcomes,
    [property: Description("How many attended; absent until recorded.")] int? AttendanceCount,
    [property: Description("When it was created, UTC.")] DateTime CreatedAt,
    [property: Description("When it last changed, UTC.")] DateTime UpdatedAt,
    [property: Description("The event's page.")] Uri Url);

[Description("An agenda item.")]
public sealed record ApiAgendaItem(
    [property: Description("Local Sofia time of day, HH:mm; absent when not set.")] string? StartsAt,
    [property: Description("What happens.")] ApiText Title);

/// <summary>/api/v1/events: published events, stand-alone or in a published process.</summary>
public sealed class EventsApi : IApiModule
{
    public static readonly ApiKind Kind = new("events", "event",
        "Published events, stand-alone or in a published process. Drafts and events of unpublished processes never appear.",
        typeof(ApiEvent),
        new ApiEvent(Guid.Parse("0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01"), "icc-2026", EventType.Workshop, EventFormat.InPerson,
            new ApiText("Работна среща: оценка на нуждите", "Workshop: needs assessment"), new ApiText("Описание.", "Description."),
            new DateTime(2026, 6, 10, 7, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 10, 10, 0, 0, DateTimeKind.Utc),
            "Иновативна София", "ул. „Московска“ 33", "sredets", new ApiText("Столична община", "Sofia Municipality"), 40, 12,
            [new ApiAgendaItem("10:00", new ApiText("Откриване", "Opening"))], new ApiText("", ""), new ApiText("", ""), null,
            new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 3, 8, 0, 0, DateTimeKind.Utc),
            new Uri("https://agora.sofia.bg/events/0b6c2a4e-5f1d-4c8e-9a37-2d1f6e8b9c01")),
        [ProcessApiFilters.Process, ProcessApiFilters.District, ApiFilter.Enum<EventType>("type", "Only events of this type."),
         ApiFilter.Enum<EventTime>("when", "upcoming: events not yet over; past: events that ended. Without it, both."),
         ApiFilter.UpdatedSince]);

    /// <summary>The events page's two lists.</summary>
    public enum EventTime
    {
        Upcoming,
        Past,
    }

    public IReadOnlyList<ApiKind> Kinds => [Kind];

    public void Map(RouteGroupBuilder api)
    {
        api.MapRead("/events", ListAsync);
        api.MapRead("/events/{id:guid}", GetAsync);
    }

    /// <summary>Two queries at most: the process filter's slug, then the page with agendas.</summary>
    private static async Task<IResult> ListAsync(HttpContext http, AgoraDb db, EventAccess access, PublicLinks links, TimeProvider clock,
        CancellationToken ct)
    {
        var list = ApiList.Parse(http);
        var type = list.Enum<EventType>("type");
        var when = list.Enum<EventTime>("when");
        var processId = await list.ProcessIdAsync(db, ct);
        var q = access.Public().AsNoTracking();
        if (processId is Guid pid)
            q = q.Where(e => e.ProcessId == pid);
        if (type is EventType t)
            q = q.Where(e => e.Type == t);
        var now = clock.GetUtcNow().UtcDateTime;
        if (when == EventTime.Upcoming)
            q = q.Where(e => e.EndsAt >= now);
        else if (when == EventTime.Past)
            q = q.Where(e => e.EndsAt < now);
        if (list.District == "city")
            q = q.Where(e => e.District == null);
        else if (list.District != null)
            q = q.Where(e => e.District == list.District);
        if (list.UpdatedSince is DateTime since)
            q = q.Where(e => e.UpdatedAt >= since);
        if (list.After is ApiCursor a)
            q = q.Where(e => e.CreatedAt > a.At || (e.CreatedAt == a.At && e.Id.CompareTo(a.Id) > 0));
        var rows = await Project(db, q).OrderBy(r => r.E.CreatedAt).ThenBy(r => r.E.Id).Take(list.Limit + 1).ToListAsync(ct);
        return list.Page(rows.Select(r => r.ToApi(links)).ToList(), e => new ApiCursor(e.CreatedAt, e.Id));
    }

    private static async Task<IResult> GetAsync(Guid id, AgoraDb db, EventAccess access, PublicLinks links, CancellationToken ct)
    {
        var row = await Project(db, access.Public().AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct);
        return ApiList.Item(row?.ToApi(links), Kind.Singular);
    }

    private sealed class Row
    {
        public required Event E { get; init; }
        public string? Process { get; init; }

        public ApiEvent ToApi(PublicLinks links) => new(E.Id, Process, E.Type, E.Format, ApiText.From(E.Title), ApiText.From(E.Description),
            E.StartsAt, E.EndsAt, E.Venue, E.Address, E.District, ApiText.From(E.Organiser), E.Capacity, E.RegisteredCount,
            [.. E.Agenda.OrderBy(x => x.Position).Select(x => new ApiAgendaItem(x.StartsAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), ApiText.From(x.Title)))],
            ApiText.From(E.Minutes), ApiText.From(E.Outcomes), E.AttendanceCount, E.CreatedAt, E.UpdatedAt,
            new Uri(links.Absolute($"/events/{E.Id}")));
    }

    /// <summary>The event with its agenda and its process's slug: one query.</summary>
    private static IQueryable<Row> Project(AgoraDb db, IQueryable<Event> events) =>
        from e in events.Include(e => e.Agenda)
        join p in db.Set<Process>() on e.ProcessId equals p.Id into ps
        from p in ps.DefaultIfEmpty()
        select new Row { E = e, Process = p == null ? null : p.Slug };
}
