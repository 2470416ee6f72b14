using System.Globalization;
using System.Text.Json;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events;

public sealed class DetailsModel(
    AgoraDb db, EventAccess access, Registrations registrations, PublicLinks links, AuditLog audit,
    IEnumerable<IEventPublishedHandler> publishedHandlers, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public Event Event { get; private set; } = default!;
    public Process? Process { get; private set; }
    public bool CanManage { get; private set; }
    public RegistrationStatus? MyStatus { get; private set; }
    public bool RegistrationOpen { get; private set; }
    public bool IsPast { get; private set; }
    public bool Started { get; private set; }
    public bool ShowMeetingLink { get; private set; }
    public DateTime ClosesAt { get; private set; }
    public IReadOnlyList<(Guid Id, string FileName, long Size)> Documents { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Organizations { get; private set; } = [];
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        if (User.UserId() is not Guid uid)
            return Challenge();
        if (!await access.Visible(User).AnyAsync(e => e.Id == id && e.Published, ct))
            return NotFound();
        var outcome = await registrations.RegisterAsync(id, uid, ct);
        if (outcome == RegisterOutcome.NotFound)
            return NotFound();
        TempData["Status"] = l["Events.Outcome." + outcome].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (User.UserId() is not Guid uid)
            return Challenge();
        // A registered person can always give their place back, even after the event was withdrawn from view.
        var startsAt = await db.Set<Event>().Where(e => e.Id == id
                && (access.Visible(User).Any(v => v.Id == id) || db.Set<EventRegistration>().Any(r => r.EventId == id && r.UserId == uid)))
            .Select(e => (DateTime?)e.StartsAt).FirstOrDefaultAsync(ct);
        if (startsAt == null)
            return NotFound();
        // Once it has started, a freed place helps nobody and the list is the attendance record.
        if (startsAt <= clock.GetUtcNow().UtcDateTime)
        {
            TempData["Status"] = l["Events.CancelClosed"].Value;
            return RedirectToPage(new { id });
        }
        var cancelled = await registrations.CancelAsync(id, uid, ct);
        TempData["Status"] = cancelled ? l["Events.Cancelled"].Value : l["Events.NotRegistered"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct)
    {
        var ev = await access.Visible(User).Include(e => e.Agenda).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev == null)
            return NotFound();
        if (!await access.CanManageAsync(User, ev.ProcessId, ct))
            return Forbid();
        if (!ev.Published)
        {
            var first = ev.PublishedAt == null;
            var now = clock.GetUtcNow().UtcDateTime;
            ev.Published = true;
            ev.PublishedAt ??= now;
            ev.UpdatedAt = now;
            ev.Sequence++;
            audit.Record(User, "event.publish", "event", ev.Id.ToString(), ev.Title.Bg);
            // Followers and organisations hear of it in the same unit of work: published and told, or neither.
            if (first)
                foreach (var handler in publishedHandlers)
                    await handler.OnEventPublishedAsync(ev, ct);
            await db.SaveChangesAsync(ct);
        }
        TempData["Status"] = l["Events.PublishedNow"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken ct)
    {
        var ev = await access.Visible(User).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev == null)
            return NotFound();
        if (!await access.CanManageAsync(User, ev.ProcessId, ct))
            return Forbid();
        if (ev.Published)
        {
            ev.Published = false;
            ev.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(User, "event.unpublish", "event", ev.Id.ToString(), ev.Title.Bg);
            await db.SaveChangesAsync(ct);
        }
        TempData["Status"] = l["Events.UnpublishedNow"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var ev = await access.Visible(User).AsNoTracking().Include(e => e.Agenda).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev == null)
            return false;
        Event = ev;
        ev.Agenda.Sort((a, b) => a.Position.CompareTo(b.Position));
        if (ev.ProcessId is Guid pid)
            Process = await db.Set<Process>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct);
        CanManage = await access.CanManageAsync(User, ev.ProcessId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        ClosesAt = ev.RegistrationClosesAt ?? ev.StartsAt;
        RegistrationOpen = ev.Published && now < ClosesAt && now < ev.StartsAt;
        IsPast = ev.EndsAt < now;
        Started = ev.StartsAt <= now;
        if (User.UserId() is Guid uid)
            MyStatus = await db.Set<EventRegistration>().Where(r => r.EventId == id && r.UserId == uid)
                .Select(r => (RegistrationStatus?)r.Status).FirstOrDefaultAsync(ct);
        // The link is for people with a place, and only from an hour before: it is not passed around in advance.
        ShowMeetingLink = !string.IsNullOrWhiteSpace(ev.MeetingUrl) && ev.Format != EventFormat.InPerson
            && (CanManage || (MyStatus == RegistrationStatus.Registered && now >= ev.StartsAt.AddHours(-1) && now <= ev.EndsAt));
        var docs = await db.Set<EventDocument>().AsNoTracking().Where(d => d.EventId == id).OrderBy(d => d.UploadedAt)
            .Select(d => new { d.Id, d.FileName, d.Size }).ToListAsync(ct);
        Documents = docs.Select(d => (d.Id, d.FileName, d.Size)).ToList();
        var orgs = await db.Set<EventOrganization>().Where(x => x.EventId == id)
            .Join(db.Set<Organization>(), x => x.OrganizationId, o => o.Id, (x, o) => new { o.Slug, o.Name.Bg, o.Name.En })
            .ToListAsync(ct);
        Organizations = orgs.Select(o => (o.Slug, new LocalizedText(o.Bg, o.En).Current))
            .OrderBy(o => o.Item2, StringComparer.Create(CultureInfo.CurrentCulture, true)).ToList();
        JsonLd = BuildJsonLd(ev);
        return true;
    }

    // Readable Cyrillic, but still every HTML-sensitive character (< > & ' ") escaped.
    private static readonly JsonSerializerOptions JsonLdOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static string Offset(DateTime utc)
    {
        var local = Format.ToSofia(utc);
        return new DateTimeOffset(local, Format.Sofia.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>schema.org Event. System.Text.Json escapes &lt; &gt; &amp; by default, so no user text can close the script element.</summary>
    private string BuildJsonLd(Event ev)
    {
        var url = links.Absolute($"/events/{ev.Id}");
        object place = new Dictionary<string, object?>
        {
            ["@type"] = "Place",
            ["name"] = string.IsNullOrWhiteSpace(ev.Venue) ? Districts.NameOf(ev.District) : ev.Venue,
            ["address"] = new Dictionary<string, object?>
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = ev.Address,
                ["addressLocality"] = "София",
                ["addressRegion"] = Districts.NameOf(ev.District),
                ["addressCountry"] = "BG",
            },
        };
        object online = new Dictionary<string, object?> { ["@type"] = "VirtualLocation", ["url"] = url };
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = ev.Title.Current,
            ["description"] = ev.Description.Current,
            ["startDate"] = Offset(ev.StartsAt),
            ["endDate"] = Offset(ev.EndsAt),
            ["url"] = url,
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = ev.Format switch
            {
                EventFormat.InPerson => "https://schema.org/OfflineEventAttendanceMode",
                EventFormat.Online => "https://schema.org/OnlineEventAttendanceMode",
                _ => "https://schema.org/MixedEventAttendanceMode",
            },
            ["location"] = ev.Format switch
            {
                EventFormat.InPerson => place,
                EventFormat.Online => online,
                _ => new[] { place, online },
            },
            ["organizer"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = ev.Organiser.Current },
            ["inLanguage"] = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
        };
        if (ev.Capacity is int cap)
        {
            data["maximumAttendeeCapacity"] = cap;
            data["remainingAttendeeCapacity"] = Math.Max(0, cap - ev.RegisteredCount);
        }
        return JsonSerializer.Serialize(data, JsonLdOptions);
    }
}
