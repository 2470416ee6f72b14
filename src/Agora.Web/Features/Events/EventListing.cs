using System.Security.Claims;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>The filters of an event list, from the query string.</summary>
public sealed class EventFilter
{
    /// <summary>"upcoming" (default) or "past".</summary>
    public string? When { get; set; }
    public string? Process { get; set; }
    public string? Type { get; set; }
    public string? District { get; set; }
    public int Page { get; set; } = 1;

    public bool Past => string.Equals(When, "past", StringComparison.Ordinal);

    public Dictionary<string, string?> Query() => new()
    {
        ["when"] = Past ? "past" : null,
        ["process"] = Process,
        ["type"] = Type,
        ["district"] = District,
    };
}

public sealed record EventRow(
    Guid Id, LocalizedText Title, EventType Type, EventFormat Format, DateTime StartsAt, DateTime EndsAt,
    string? District, string Venue, bool Published, int? Capacity, int RegisteredCount,
    string? ProcessSlug, LocalizedText? ProcessTitle);

/// <summary>Upcoming and past events, filtered and paged: two queries (count and page) whatever the page size.</summary>
public sealed class EventListing(EventAccess access, AgoraDb db, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<Paged<EventRow>> ListAsync(ClaimsPrincipal user, EventFilter filter, Guid? processId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Page = Paging.Clamp(filter.Page);
        var now = clock.GetUtcNow().UtcDateTime;
        var events = access.Visible(user).AsNoTracking();
        if (processId is Guid pid)
            events = events.Where(e => e.ProcessId == pid);
        else if (!string.IsNullOrWhiteSpace(filter.Process))
            events = events.Where(e => db.Set<Process>().Any(p => p.Id == e.ProcessId && p.Slug == filter.Process));
        if (Enum.TryParse<EventType>(filter.Type, out var type) && Enum.IsDefined(type))
            events = events.Where(e => e.Type == type);
        else
            filter.Type = null;
        if (Districts.IsKnown(filter.District))
            events = events.Where(e => e.District == filter.District);
        else
            filter.District = null;
        events = filter.Past ? events.Where(e => e.EndsAt < now) : events.Where(e => e.EndsAt >= now);

        var total = await events.CountAsync(ct);
        // The page's ids first, in a subquery that walks the (StartsAt, Id, EndsAt, Published, ProcessId) index in date
        // order and filters there, so no row is read or sorted whole until the page's twenty; one statement still.
        var ordered = filter.Past
            ? events.OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id)
            : events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        var pageIds = ordered.Skip((filter.Page - 1) * PageSize).Take(PageSize).Select(e => e.Id);
        var joined = from e in db.Set<Event>().AsNoTracking().Where(e => pageIds.Contains(e.Id))
                     join p in db.Set<Process>() on e.ProcessId equals p.Id into ps
                     from p in ps.DefaultIfEmpty()
                     select new
                     {
                         e.Id,
                         TitleBg = e.Title.Bg,
                         TitleEn = e.Title.En,
                         e.Type,
                         e.Format,
                         e.StartsAt,
                         e.EndsAt,
                         e.District,
                         e.Venue,
                         e.Published,
                         e.Capacity,
                         e.RegisteredCount,
                         ProcessSlug = p == null ? null : p.Slug,
                         ProcessBg = p == null ? null : p.Title.Bg,
                         ProcessEn = p == null ? null : p.Title.En,
                     };
        joined = filter.Past
            ? joined.OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id)
            : joined.OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        var rows = await joined.ToListAsync(ct);
        return new Paged<EventRow>(rows.Select(r => new EventRow(r.Id, new LocalizedText(r.TitleBg, r.TitleEn), r.Type, r.Format,
            r.StartsAt, r.EndsAt, r.District, r.Venue, r.Published, r.Capacity, r.RegisteredCount, r.ProcessSlug,
            r.ProcessSlug == null ? null : new LocalizedText(r.ProcessBg ?? "", r.ProcessEn ?? ""))).ToList(),
            filter.Page, PageSize, total);
    }
}

/// <summary>What the list partial needs; <see cref="Processes"/> is null where the process is fixed.</summary>
public sealed record EventListView(Paged<EventRow> Result, EventFilter Filter, IReadOnlyList<(string Slug, string Title)>? Processes, string Path);
