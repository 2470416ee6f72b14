using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events;

/// <summary>After the event: minutes and outcomes, attendance, participating organisations and documents.</summary>
[Authorize]
[RequestSizeLimit(12 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 12 * 1024 * 1024)]
public sealed class ReportModel(AgoraDb db, EventAccess access, AuditLog audit, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public Event Event { get; private set; } = default!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> AllOrganizations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string FileName, long Size)> Documents { get; private set; } = [];

    public sealed class InputModel
    {
        [StringLength(50000, ErrorMessage = V.MaxLength), Display(Name = "Events.Field.MinutesBg")]
        public string? MinutesBg { get; set; }

        [StringLength(50000, ErrorMessage = V.MaxLength), Display(Name = "Events.Field.MinutesEn")]
        public string? MinutesEn { get; set; }

        [StringLength(50000, ErrorMessage = V.MaxLength), Display(Name = "Events.Field.OutcomesBg")]
        public string? OutcomesBg { get; set; }

        [StringLength(50000, ErrorMessage = V.MaxLength), Display(Name = "Events.Field.OutcomesEn")]
        public string? OutcomesEn { get; set; }

        [Display(Name = "Events.Field.AttendanceCount")]
        public int? AttendanceCount { get; set; }

        public List<Guid> Organizations { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        Input = new InputModel
        {
            MinutesBg = Event.Minutes.Bg,
            MinutesEn = Event.Minutes.En,
            OutcomesBg = Event.Outcomes.Bg,
            OutcomesEn = Event.Outcomes.En,
            AttendanceCount = Event.AttendanceCount,
            Organizations = await db.Set<EventOrganization>().Where(x => x.EventId == id).Select(x => x.OrganizationId).ToListAsync(ct),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        if (Input.AttendanceCount is int n && (n < 0 || n > 1_000_000))
            ModelState.AddModelError("Input.AttendanceCount", l["Events.Validation.Attendance"]);
        var known = AllOrganizations.Select(o => o.Id).ToHashSet();
        if (Input.Organizations.Any(o => !known.Contains(o)))
            ModelState.AddModelError("Input.Organizations", l["Events.Validation.Organization"]);
        if (!ModelState.IsValid)
            return Page();
        var ev = await db.Set<Event>().FirstAsync(e => e.Id == id, ct);
        ev.Minutes = new(Input.MinutesBg?.Trim() ?? "", Input.MinutesEn?.Trim() ?? "");
        ev.Outcomes = new(Input.OutcomesBg?.Trim() ?? "", Input.OutcomesEn?.Trim() ?? "");
        ev.AttendanceCount = Input.AttendanceCount;
        ev.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var current = await db.Set<EventOrganization>().Where(x => x.EventId == id).ToListAsync(ct);
        var wanted = Input.Organizations.Distinct().ToHashSet();
        db.RemoveRange(current.Where(x => !wanted.Contains(x.OrganizationId)));
        foreach (var org in wanted.Where(o => current.All(x => x.OrganizationId != o)))
            db.Add(new EventOrganization { EventId = id, OrganizationId = org });
        audit.Record(User, "event.report", "event", id.ToString(), ev.Title.Bg);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Events.Saved"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        if (file == null || file.Length == 0)
        {
            ModelState.AddModelError("file", l["Events.Upload.Empty"]);
            return Page();
        }
        if (file.Length > EventDocuments.MaxBytes)
        {
            ModelState.AddModelError("file", l["Events.Upload.TooBig"]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var refusal = EventDocuments.Check(file.FileName, file.Length, content, out var type);
        if (refusal != EventDocuments.Refusal.None)
        {
            ModelState.AddModelError("file", l["Events.Upload." + refusal]);
            return Page();
        }
        var name = EventDocuments.SafeName(file.FileName);
        db.Add(new EventDocument
        {
            EventId = id,
            FileName = name,
            ContentType = type,
            Size = content.Length,
            Content = content,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record(User, "event.document.upload", "event", id.ToString(), name);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Events.Upload.Done"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var deleted = await db.Set<EventDocument>().Where(d => d.Id == documentId && d.EventId == id).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            audit.Record(User, "event.document.delete", "event", id.ToString(), documentId.ToString());
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var ev = await access.Visible(User).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev == null)
            return NotFound();
        if (!await access.CanManageAsync(User, ev.ProcessId, ct))
            return Forbid();
        Event = ev;
        // The registry's listed organisations, plus any already recorded (so unlisting one does not drop it here).
        var orgs = await db.Set<Organization>().AsNoTracking()
            .Where(o => o.Listed || db.Set<EventOrganization>().Any(x => x.EventId == id && x.OrganizationId == o.Id))
            .Select(o => new { o.Id, o.Name.Bg, o.Name.En }).ToListAsync(ct);
        AllOrganizations = orgs.Select(o => (o.Id, new LocalizedText(o.Bg, o.En).Current))
            .OrderBy(o => o.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
        var docs = await db.Set<EventDocument>().AsNoTracking().Where(d => d.EventId == id).OrderBy(d => d.UploadedAt)
            .Select(d => new { d.Id, d.FileName, d.Size }).ToListAsync(ct);
        Documents = docs.Select(d => (d.Id, d.FileName, d.Size)).ToList();
        return null;
    }
}
