using System.Globalization;
using System.Text;
using Agora.OpinionMap;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Events;

/// <summary>The organiser's list of registered and waiting people, its CSV export, and attendance marking.</summary>
[Authorize]
public sealed class RegistrationListModel(AgoraDb db, EventAccess access, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Event Event { get; private set; } = default!;

    public sealed record Row(Guid Id, string Name, string? Email, RegistrationStatus Status, DateTime CreatedAt, bool? Attended);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        Rows = await Query(id).ToListAsync(ct);
        return Page();
    }

    /// <summary>Streamed row by row, with a UTF-8 byte-order mark so that Excel reads Cyrillic correctly.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        audit.Record(User, "event.registrations.export", "event", id.ToString());
        await db.SaveChangesAsync(ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"registrations-{id:N}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(true), 16 * 1024);
        // Every cell quoted; the names, e-mails and labels are text and defused, the time is the code's own.
        await writer.WriteAsync(string.Join(',', new[]
        {
            l["Events.Csv.Name"].Value, l["Events.Csv.Email"].Value, l["Events.Csv.Status"].Value,
            l["Events.Csv.RegisteredAt"].Value, l["Events.Csv.Attended"].Value,
        }.Select(h => CsvField.Text(h, quoteAlways: true))) + "\r\n");
        await foreach (var r in Query(id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var line = string.Join(',',
                CsvField.Text(r.Name, quoteAlways: true),
                CsvField.Text(r.Email, quoteAlways: true),
                CsvField.Text(l["Events.Status." + r.Status].Value, quoteAlways: true),
                CsvField.Value(Format.ToSofia(r.CreatedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), quoteAlways: true),
                CsvField.Text(r.Attended switch { true => l["Events.Yes"].Value, false => l["Events.No"].Value, _ => "" }, quoteAlways: true));
            await writer.WriteAsync(line + "\r\n");
        }
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    /// <summary>Marks who came; the ticked boxes are the people present.</summary>
    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, [FromForm] List<Guid> present, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var registered = await db.Set<EventRegistration>()
            .Where(r => r.EventId == id && r.Status == RegistrationStatus.Registered).ToListAsync(ct);
        foreach (var r in registered)
            r.Attended = present.Contains(r.Id);
        var ev = await db.Set<Event>().FirstAsync(e => e.Id == id, ct);
        ev.AttendanceCount ??= registered.Count(r => r.Attended == true);
        audit.Record(User, "event.attendance", "event", id.ToString(), registered.Count(r => r.Attended == true).ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Events.AttendanceSaved"].Value;
        return RedirectToPage(new { id });
    }

    private IQueryable<Row> Query(Guid id) =>
        db.Set<EventRegistration>().AsNoTracking().Where(r => r.EventId == id)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { r, u })
            .OrderBy(x => x.r.Status).ThenBy(x => x.r.CreatedAt).ThenBy(x => x.r.Id)
            .Select(x => new Row(x.r.Id, x.u.DisplayName, x.u.Email, x.r.Status, x.r.CreatedAt, x.r.Attended));

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var ev = await access.Visible(User).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (ev == null)
            return NotFound();
        if (!await access.CanManageAsync(User, ev.ProcessId, ct))
            return Forbid();
        Event = ev;
        return null;
    }
}
