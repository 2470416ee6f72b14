using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Debates;

/// <summary>The debates of a process, and the form to open one (administrators; citizens if the process allows).</summary>
public sealed class IndexModel(AgoraDb db, ProcessAccess access, Participants participants, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public bool CitizensMayOpen { get; private set; }
    public bool CanOpen => CanManage || (CitizensMayOpen && User.Identity?.IsAuthenticated == true);
    public string Path => $"/processes/{Process.Slug}/debates";

    public sealed record Row(Guid Id, string Title, int CommentCount, DateTime CreatedAt, DateTime? ClosedAt);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty]
    public DebateInput Input { get; set; } = new();

    public sealed class DebateInput
    {
        [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 5, ErrorMessage = V.Length), Display(Name = "Debates.Field.Title")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = V.Required), StringLength(20_000, ErrorMessage = V.MaxLength), Display(Name = "Debates.Field.Body")]
        public string Body { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        Rows = await db.Set<Debate>().AsNoTracking().Where(d => d.ProcessId == Process.Id && d.HiddenAt == null)
            .OrderBy(d => d.ClosedAt != null).ThenByDescending(d => d.CreatedAt).Take(200)
            .Select(d => new Row(d.Id, d.Title, d.CommentCount, d.CreatedAt, d.ClosedAt)).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (!CanOpen)
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
            ModelState.AddModelError("", l[refusal!]);
        if (!ModelState.IsValid)
            return await OnGetPageAsync(ct);
        var debate = new Debate
        {
            ProcessId = Process.Id,
            AuthorId = actor!.Id,
            Title = Input.Title.Trim(),
            Body = Input.Body.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(debate);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Debates.Opened"].Value;
        return Redirect($"{Path}/{debate.Id}");
    }

    public async Task<IActionResult> OnPostSettingsAsync(string slug, bool citizensMayOpen, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (!CanManage)
            return Forbid();
        var s = await db.Set<DebateSettings>().FirstOrDefaultAsync(x => x.ProcessId == Process.Id, ct);
        if (s == null)
            db.Add(s = new DebateSettings { ProcessId = Process.Id });
        s.CitizensMayOpen = citizensMayOpen;
        audit.Record(User, "debates.settings", "process", Process.Id.ToString(), $"citizensMayOpen={citizensMayOpen}");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Debates.SettingsSaved"].Value;
        return Redirect(Path);
    }

    private async Task<IActionResult> OnGetPageAsync(CancellationToken ct)
    {
        Rows = await db.Set<Debate>().AsNoTracking().Where(d => d.ProcessId == Process.Id && d.HiddenAt == null)
            .OrderByDescending(d => d.CreatedAt).Take(200)
            .Select(d => new Row(d.Id, d.Title, d.CommentCount, d.CreatedAt, d.ClosedAt)).ToListAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var process = await access.FindVisibleAsync(slug, User, ct);
        if (process == null || !process.Has(DebateCommentTarget.Key))
            return false;
        Process = process;
        CanManage = await access.CanManageAsync(User, process.Id, ct);
        CitizensMayOpen = await db.Set<DebateSettings>().AnyAsync(s => s.ProcessId == process.Id && s.CitizensMayOpen, ct);
        return true;
    }
}
