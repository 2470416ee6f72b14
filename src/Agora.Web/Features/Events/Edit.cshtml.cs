using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events;

/// <summary>
/// Creates (/events/new?process={slug}) and edits (/events/{id}/edit) an event. Site administrators may create
/// stand-alone events; process administrators create and edit the events of their processes. Times are typed
/// as Sofia wall-clock times and stored in UTC.
/// </summary>
[Authorize]
public sealed class EditModel(
    AgoraDb db, EventAccess access, ProcessAccess processes, Registrations registrations, AuditLog audit,
    IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Event? Existing { get; private set; }
    public Process? Process { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.TitleBg")]
        public string TitleBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.TitleEn")]
        public string? TitleEn { get; set; }

        [StringLength(20000, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.DescriptionBg")]
        public string? DescriptionBg { get; set; }

        [StringLength(20000, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.DescriptionEn")]
        public string? DescriptionEn { get; set; }

        [Display(Name = "Events.Field.Type")]
        public EventType Type { get; set; } = EventType.Workshop;

        [Display(Name = "Events.Field.Format")]
        public EventFormat Format { get; set; } = EventFormat.InPerson;

        [Required(ErrorMessage = V.Required)]
        [Display(Name = "Events.Field.StartsAt")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = V.Required)]
        [Display(Name = "Events.Field.EndsAt")]
        public DateTime? EndsAt { get; set; }

        [Display(Name = "Events.Field.RegistrationClosesAt")]
        public DateTime? RegistrationClosesAt { get; set; }

        [StringLength(300, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.Venue")]
        public string? Venue { get; set; }

        [StringLength(300, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.Address")]
        public string? Address { get; set; }

        [Display(Name = "Events.Field.District")]
        public string? District { get; set; }

        [StringLength(500, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.MeetingUrl")]
        public string? MeetingUrl { get; set; }

        [StringLength(300, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.OrganiserBg")]
        public string? OrganiserBg { get; set; }

        [StringLength(300, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.OrganiserEn")]
        public string? OrganiserEn { get; set; }

        [Display(Name = "Events.Field.Capacity")]
        public int? Capacity { get; set; }

        [StringLength(5000, ErrorMessage = V.MaxLength)]
        [Display(Name = "Events.Field.Agenda")]
        public string? Agenda { get; set; }
    }

    public IEnumerable<SelectListItem> TypeItems => Enum.GetValues<EventType>()
        .Select(t => new SelectListItem(l["Events.Type." + t], t.ToString()));

    public IEnumerable<SelectListItem> FormatItems => Enum.GetValues<EventFormat>()
        .Select(t => new SelectListItem(l["Events.Format." + t], t.ToString()));

    public IEnumerable<SelectListItem> DistrictItems => new[] { new SelectListItem(l["Events.NoDistrict"], "") }
        .Concat(Districts.All.Select(d => new SelectListItem(d.Name, d.Key)));

    public async Task<IActionResult> OnGetAsync(Guid? id, [FromQuery(Name = "process")] string? processSlug, CancellationToken ct)
    {
        if (await AuthorizeAsync(id, processSlug, ct) is { } refused)
            return refused;
        if (Existing is { } e)
            Input = FromEvent(e);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, [FromQuery(Name = "process")] string? processSlug, CancellationToken ct)
    {
        if (await AuthorizeAsync(id, processSlug, ct) is { } refused)
            return refused;
        var agenda = Validate();
        if (!ModelState.IsValid)
            return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var ev = Existing ?? new Event { ProcessId = Process?.Id, CreatedAt = now, CreatedById = User.UserId() };
        var oldCapacity = ev.Capacity;
        ev.Title = new(Input.TitleBg.Trim(), Input.TitleEn?.Trim() ?? "");
        ev.Description = new(Input.DescriptionBg?.Trim() ?? "", Input.DescriptionEn?.Trim() ?? "");
        ev.Type = Input.Type;
        ev.Format = Input.Format;
        ev.StartsAt = Format.FromSofia(Input.StartsAt!.Value);
        ev.EndsAt = Format.FromSofia(Input.EndsAt!.Value);
        ev.RegistrationClosesAt = Input.RegistrationClosesAt is DateTime closes ? Format.FromSofia(closes) : null;
        ev.Venue = Input.Venue?.Trim() ?? "";
        ev.Address = Input.Address?.Trim() ?? "";
        ev.District = string.IsNullOrWhiteSpace(Input.District) ? null : Input.District;
        ev.MeetingUrl = string.IsNullOrWhiteSpace(Input.MeetingUrl) ? null : Input.MeetingUrl.Trim();
        ev.Organiser = new(Input.OrganiserBg?.Trim() ?? "", Input.OrganiserEn?.Trim() ?? "");
        ev.Capacity = Input.Capacity;
        ev.UpdatedAt = now;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (Existing == null)
            {
                ev.Agenda = agenda;
                db.Add(ev);
                audit.Record(User, "event.create", "event", ev.Id.ToString(), ev.Title.Bg);
            }
            else
            {
                ev.Sequence++;
                db.RemoveRange(ev.Agenda);
                ev.Agenda.Clear();
                foreach (var item in agenda)
                {
                    item.EventId = ev.Id;
                    db.Add(item);
                }
                audit.Record(User, "event.update", "event", ev.Id.ToString(), ev.Title.Bg);
            }
            await db.SaveChangesAsync(ct);
            // More places: the waiting list moves up at once.
            if (Existing != null && ev.Capacity != oldCapacity && await registrations.PromoteAsync(ev.Id, ct) > 0)
                await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        TempData["Status"] = l["Events.Saved"].Value;
        return Redirect($"/events/{ev.Id}");
    }

    /// <summary>The rules the annotations cannot express; returns the parsed agenda.</summary>
    private List<AgendaItem> Validate()
    {
        if (Input.StartsAt is DateTime s && Input.EndsAt is DateTime e && e <= s)
            ModelState.AddModelError("Input.EndsAt", l["Events.Validation.EndBeforeStart"]);
        if (Input.StartsAt is DateTime s2 && Input.RegistrationClosesAt is DateTime c && c > s2)
            ModelState.AddModelError("Input.RegistrationClosesAt", l["Events.Validation.ClosesAfterStart"]);
        if (Input.Capacity is int cap && (cap < 1 || cap > 100_000))
            ModelState.AddModelError("Input.Capacity", l["Events.Validation.Capacity"]);
        else if (Input.Capacity is int fewer && Existing != null && fewer < Existing.RegisteredCount)
            // Nobody loses a place they were given; the organiser contacts people first if the room shrinks.
            ModelState.AddModelError("Input.Capacity", l["Events.Validation.CapacityBelowRegistered", Existing.RegisteredCount]);
        if (!string.IsNullOrWhiteSpace(Input.District) && !Districts.IsKnown(Input.District))
            ModelState.AddModelError("Input.District", l["Events.Validation.District"]);
        if (Input.Format != EventFormat.Online && string.IsNullOrWhiteSpace(Input.Address) && string.IsNullOrWhiteSpace(Input.Venue))
            ModelState.AddModelError("Input.Address", l["Events.Validation.PlaceRequired"]);
        if (!string.IsNullOrWhiteSpace(Input.MeetingUrl)
            && (!Uri.TryCreate(Input.MeetingUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            ModelState.AddModelError("Input.MeetingUrl", l["Events.Validation.MeetingUrl"]);
        return ParseAgenda(Input.Agenda);
    }

    /// <summary>One item a line: "10:30 Заглавие | Title"; the time and the English part are optional.</summary>
    private List<AgendaItem> ParseAgenda(string? text)
    {
        var items = new List<AgendaItem>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            var rest = line;
            TimeOnly? time = null;
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && TimeOnly.TryParseExact(line[..space], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                time = t;
                rest = line[(space + 1)..].Trim();
            }
            var parts = rest.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts[0].Length == 0 || parts[0].Length > 300 || (parts.Length > 1 && parts[1].Length > 300))
            {
                ModelState.AddModelError("Input.Agenda", l["Events.Validation.Agenda"]);
                return [];
            }
            items.Add(new AgendaItem { Position = items.Count, StartsAt = time, Title = new(parts[0], parts.Length > 1 ? parts[1] : "") });
        }
        if (items.Count > 50)
            ModelState.AddModelError("Input.Agenda", l["Events.Validation.Agenda"]);
        return items;
    }

    private static InputModel FromEvent(Event e) => new()
    {
        TitleBg = e.Title.Bg,
        TitleEn = e.Title.En,
        DescriptionBg = e.Description.Bg,
        DescriptionEn = e.Description.En,
        Type = e.Type,
        Format = e.Format,
        StartsAt = Format.ToSofia(e.StartsAt),
        EndsAt = Format.ToSofia(e.EndsAt),
        RegistrationClosesAt = e.RegistrationClosesAt is DateTime c ? Format.ToSofia(c) : null,
        Venue = e.Venue,
        Address = e.Address,
        District = e.District,
        MeetingUrl = e.MeetingUrl,
        OrganiserBg = e.Organiser.Bg,
        OrganiserEn = e.Organiser.En,
        Capacity = e.Capacity,
        Agenda = string.Join('\n', e.Agenda.OrderBy(a => a.Position).Select(a =>
            (a.StartsAt is TimeOnly t ? t.ToString("HH:mm", CultureInfo.InvariantCulture) + " " : "")
            + a.Title.Bg + (string.IsNullOrWhiteSpace(a.Title.En) ? "" : " | " + a.Title.En))),
    };

    /// <summary>Loads what the form is about and decides whether the person may use it; null means go ahead.</summary>
    private async Task<IActionResult?> AuthorizeAsync(Guid? id, string? processSlug, CancellationToken ct)
    {
        if (id is Guid eventId)
        {
            Existing = await access.Visible(User).Include(e => e.Agenda).FirstOrDefaultAsync(e => e.Id == eventId, ct);
            if (Existing == null)
                return NotFound();
            if (!await access.CanManageAsync(User, Existing.ProcessId, ct))
                return Forbid();
            if (Existing.ProcessId is Guid pid)
                Process = await db.Set<Process>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct);
            return null;
        }
        if (!string.IsNullOrWhiteSpace(processSlug))
        {
            Process = await processes.FindVisibleAsync(processSlug, User, ct);
            if (Process == null)
                return NotFound();
            return await processes.CanManageAsync(User, Process.Id, ct) ? null : Forbid();
        }
        // Stand-alone events belong to the municipality as a whole: site administrators only.
        return User.IsAdministrator() ? null : Forbid();
    }
}
