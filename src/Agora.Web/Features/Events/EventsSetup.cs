using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Search;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events;

public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddScoped<IStoredCounters, EventCounters>();
        services.AddSingleton(new ProcessComponent("events", "Process.Tab.Events", "events", 10, OnByDefault: true));
        services.AddScoped<EventAccess>();
        services.AddScoped<Registrations>();
        services.AddScoped<EventListing>();
        services.AddScoped<IPersonalDataSource, EventsPersonalData>();
        services.AddScoped<IDemoContributor, EventsDemo>();
        // One form for creating and editing: /events/new?process={slug} and /events/{id}/edit.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Events/Edit", "/events/new"));
        services.AddSearchSource<EventSearchSource>();
        services.AddApiModule<EventsApi>();
        services.AddCachedPage("/Events/Index", "events");
        services.AddScoped<IScaleContributor, EventsScale>();
        services.AddOpenDataset<EventsDataset>();
        services.AddSitemapSource<EventSitemap>();
        return services;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/events/{id:guid}.ics", GetOrHead, async (Guid id, HttpContext http, EventAccess access, PublicLinks links,
            IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        {
            var ev = await access.Visible(http.User).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
            if (ev == null)
                return Results.NotFound();
            var calendar = ICalendar.Write([EventCalendar.Entry(ev, links.Absolute($"/events/{ev.Id}"), l["Events.Online"])],
                Host(links), clock.GetUtcNow().UtcDateTime, ev.Title.Current);
            return Results.File(ICalendar.Bytes(calendar), ICalendar.ContentType, $"event-{ev.Id:N}.ics");
        });
        app.MapMethods("/events.ics", GetOrHead, async (EventAccess access, PublicLinks links, IStringLocalizer<SharedResource> l,
            TimeProvider clock, CancellationToken ct) =>
        {
            // The public calendar: calendar apps fetch it without cookies, so drafts and unpublished processes never show.
            var since = clock.GetUtcNow().UtcDateTime.AddYears(-1);
            var events = await access.Public().AsNoTracking().Where(e => e.EndsAt >= since)
                .OrderBy(e => e.StartsAt).Take(1000).ToListAsync(ct);
            var online = l["Events.Online"].Value;
            var calendar = ICalendar.Write(events.Select(e => EventCalendar.Entry(e, links.Absolute($"/events/{e.Id}"), online)),
                Host(links), clock.GetUtcNow().UtcDateTime, l["Events.CalendarName"]);
            return Results.Text(calendar, ICalendar.ContentType);
        });
        // Per process and per organisation: the same public calendar, narrowed. Unknown, unpublished or unlisted → 404.
        app.MapMethods("/processes/{slug}/events.ics", GetOrHead, async (string slug, Infrastructure.Data.AgoraDb db, EventAccess access,
            PublicLinks links, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        {
            var process = await db.Set<Process>().AsNoTracking().Where(p => p.Slug == slug && p.Published)
                .Select(p => new { p.Id, p.Components, Title = new LocalizedText(p.Title.Bg, p.Title.En) }).FirstOrDefaultAsync(ct);
            if (process == null || !new Process { Components = process.Components }.Has("events"))
                return Results.NotFound();
            return await CalendarAsync(access.Public().Where(e => e.ProcessId == process.Id), links, l, clock,
                $"{l["Events.CalendarName"]} · {process.Title.Current}", ct);
        });
        app.MapMethods("/organizations/{slug}/events.ics", GetOrHead, async (string slug, Infrastructure.Data.AgoraDb db, EventAccess access,
            PublicLinks links, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct) =>
        {
            var org = await db.Set<Organizations.Organization>().AsNoTracking().Where(o => o.Slug == slug && o.Listed)
                .Select(o => new { o.Id, Name = new LocalizedText(o.Name.Bg, o.Name.En) }).FirstOrDefaultAsync(ct);
            if (org == null)
                return Results.NotFound();
            var taking = db.Set<EventOrganization>().Where(x => x.OrganizationId == org.Id).Select(x => x.EventId);
            return await CalendarAsync(access.Public().Where(e => taking.Contains(e.Id)), links, l, clock,
                $"{l["Events.CalendarName"]} · {org.Name.Current}", ct);
        });
        app.MapGet("/events/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, HttpContext http,
            EventAccess access, Infrastructure.Data.AgoraDb db, CancellationToken ct) =>
        {
            if (!await access.Visible(http.User).AnyAsync(e => e.Id == id, ct))
                return Results.NotFound();
            var doc = await db.Set<EventDocument>().AsNoTracking()
                .FirstOrDefaultAsync(d => d.Id == documentId && d.EventId == id, ct);
            if (doc == null)
                return Results.NotFound();
            // Always a download, never rendered inline: the browser does not interpret uploaded files in our origin.
            return Results.File(doc.Content, doc.ContentType, doc.FileName);
        });
        return app;
    }

    private static async Task<IResult> CalendarAsync(IQueryable<Event> events, PublicLinks links, IStringLocalizer<SharedResource> l,
        TimeProvider clock, string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var list = await events.AsNoTracking().Where(e => e.EndsAt >= now.AddYears(-1)).OrderBy(e => e.StartsAt).Take(1000).ToListAsync(ct);
        var online = l["Events.Online"].Value;
        var calendar = ICalendar.Write(list.Select(e => EventCalendar.Entry(e, links.Absolute($"/events/{e.Id}"), online)), Host(links), now, name);
        return Results.Text(calendar, ICalendar.ContentType);
    }

    // Calendar clients probe subscriptions with HEAD.
    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    private static string Host(PublicLinks links) => new Uri(links.Absolute("/")).Host;
}
