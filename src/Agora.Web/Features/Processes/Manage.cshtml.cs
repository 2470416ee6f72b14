using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Processes;

/// <summary>
/// Managing one process. Its administrators and site administrators edit texts, dates, components and phases;
/// only site administrators publish, unpublish and choose the process administrators. Every act is audit-logged
/// in the same transaction.
/// </summary>
[Authorize]
public sealed class ManageModel(AgoraDb db, ProcessAccess access, AuditLog audit, TimeProvider clock,
    UserManager<AgoraUser> users, IEnumerable<ProcessComponent> components, IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public bool IsSiteAdministrator => User.IsAdministrator();
    public IReadOnlyList<ProcessComponent> Known { get; } = components.OrderBy(c => c.Order).ToList();
    public IReadOnlyList<(Guid Id, string Name, string? Email, bool TwoFactor)> Administrators { get; private set; } = [];

    [BindProperty]
    public ProcessInput Input { get; set; } = new();

    [BindProperty]
    public PhaseInput NewPhase { get; set; } = new();

    [BindProperty]
    public AdministratorInput NewAdministrator { get; set; } = new();

    public sealed class AdministratorInput
    {
        [Required(ErrorMessage = V.Required), EmailAddress(ErrorMessage = V.Email), Display(Name = "Field.Email")]
        public string Email { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        Input = ProcessInput.From(Process);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        Only("Input.");
        Input.Validate(ModelState, "Input.", l, Known);
        var newSlug = string.IsNullOrWhiteSpace(Input.Slug) ? Process.Slug : Input.Slug.Trim();
        if (newSlug != Process.Slug)
        {
            // A slug is the process's public address: only site administrators move it.
            if (!IsSiteAdministrator)
                ModelState.AddModelError("Input.Slug", l["Process.SlugAdminsOnly"]);
            else if (newSlug == "new" || await db.Set<Process>().AnyAsync(p => p.Slug == newSlug, ct))
                ModelState.AddModelError("Input.Slug", l["Process.SlugTaken"]);
        }
        if (!ModelState.IsValid)
            return Page();
        Input.ApplyTo(Process);
        Process.Slug = newSlug;
        Process.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(User, "process.edit", "Process", Process.Id.ToString(), Process.Slug);
        if (!await SaveAsync(ct))
        {
            ModelState.AddModelError("Input.Slug", l["Process.SlugTaken"]);
            return Page();
        }
        return Done(l["Process.Saved"]);
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, bool publish, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        if (!IsSiteAdministrator)
            return Forbid();
        if (Process.Published != publish)
        {
            Process.Published = publish;
            Process.PublishedAt ??= publish ? clock.GetUtcNow().UtcDateTime : null;
            audit.Record(User, publish ? "process.publish" : "process.unpublish", "Process", Process.Id.ToString(), Process.Slug);
            await db.SaveChangesAsync(ct);
        }
        return Done(publish ? l["Process.PublishedNotice"] : l["Process.UnpublishedNotice"]);
    }

    public async Task<IActionResult> OnPostAddPhaseAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        Only("NewPhase.");
        NewPhase.Validate(ModelState, "NewPhase.", l);
        if (!ModelState.IsValid)
        {
            Input = ProcessInput.From(Process);
            return Page();
        }
        var phase = new Phase { ProcessId = Process.Id, Position = Process.Phases.Count };
        NewPhase.ApplyTo(phase);
        db.Add(phase);
        Process.Phases.Add(phase);
        PhaseInput.Renumber(Process.Phases);
        audit.Record(User, "process.phase.add", "Process", Process.Id.ToString(), phase.Title.Bg);
        await db.SaveChangesAsync(ct);
        return Done(l["Process.PhaseAdded"]);
    }

    public async Task<IActionResult> OnPostCurrentPhaseAsync(string slug, Guid phaseId, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        var phase = Process.Phases.FirstOrDefault(p => p.Id == phaseId);
        if (phase == null)
            return NotFound();
        // One current phase per process: modules read their switches from it.
        foreach (var p in Process.Phases)
            p.IsCurrent = p.Id == phaseId;
        audit.Record(User, "process.phase.current", "Process", Process.Id.ToString(), phase.Title.Bg);
        await db.SaveChangesAsync(ct);
        return Done(l["Process.PhaseMadeCurrent", phase.Title.Current]);
    }

    public async Task<IActionResult> OnPostDeletePhaseAsync(string slug, Guid phaseId, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        var phase = Process.Phases.FirstOrDefault(p => p.Id == phaseId);
        if (phase == null)
            return NotFound();
        db.Remove(phase);
        Process.Phases.Remove(phase);
        PhaseInput.Renumber(Process.Phases);
        audit.Record(User, "process.phase.delete", "Process", Process.Id.ToString(), phase.Title.Bg);
        await db.SaveChangesAsync(ct);
        return Done(l["Process.PhaseDeleted"]);
    }

    public async Task<IActionResult> OnPostAddAdministratorAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        if (!IsSiteAdministrator)
            return Forbid();
        Only("NewAdministrator.");
        if (ModelState.IsValid)
        {
            var person = await users.FindByEmailAsync(NewAdministrator.Email.Trim());
            if (person == null || person.DeletedAt != null)
                ModelState.AddModelError("NewAdministrator.Email", l["Process.NoSuchPerson"]);
            else if (Administrators.Any(a => a.Id == person.Id))
                ModelState.AddModelError("NewAdministrator.Email", l["Process.AlreadyAdministrator"]);
            else
            {
                db.Add(new ProcessAdministrator { ProcessId = Process.Id, UserId = person.Id, GrantedAt = clock.GetUtcNow().UtcDateTime });
                audit.Record(User, "process.admin.grant", "Process", Process.Id.ToString(), person.Id.ToString());
                if (await SaveAsync(ct))
                    return Done(l["Process.AdministratorAdded", person.DisplayName]);
                ModelState.AddModelError("NewAdministrator.Email", l["Process.AlreadyAdministrator"]);
            }
        }
        Input = ProcessInput.From(Process);
        return Page();
    }

    /// <summary>Site administrators decide whether the process's administrators need two-factor sign-in.</summary>
    public async Task<IActionResult> OnPostTwoFactorAsync(string slug, bool required, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        if (!IsSiteAdministrator)
            return Forbid();
        if (Process.AdministratorsNeedTwoFactor != required)
        {
            Process.AdministratorsNeedTwoFactor = required;
            Process.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(User, required ? "process.admin.two-factor.on" : "process.admin.two-factor.off", "Process", Process.Id.ToString(), Process.Slug);
            await db.SaveChangesAsync(ct);
        }
        return Done(l[required ? "Process.TwoFactorRequired" : "Process.TwoFactorNotRequired"]);
    }

    public async Task<IActionResult> OnPostRemoveAdministratorAsync(string slug, Guid userId, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refused)
            return refused;
        if (!IsSiteAdministrator)
            return Forbid();
        var row = await db.Set<ProcessAdministrator>().FindAsync([Process.Id, userId], ct);
        if (row != null)
        {
            db.Remove(row);
            audit.Record(User, "process.admin.revoke", "Process", Process.Id.ToString(), userId.ToString());
            await db.SaveChangesAsync(ct);
        }
        return Done(l["Process.AdministratorRemoved"]);
    }

    /// <summary>Loads the process and checks the reader manages it; returns the refusal otherwise.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var process = await db.Set<Process>().Include(p => p.Phases).FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (process == null)
            return NotFound();
        if (!await access.CanManageAsync(User, process.Id, ct))
        {
            // One of its administrators, held back only by the process's two-factor rule: set it up, then come back.
            if (await access.WaitsForTwoFactorAsync(User, process.Id, ct))
                return Redirect(StaffTwoFactor.SetupUrl(HttpContext));
            // Someone who may not even see a draft learns nothing about it.
            return process.Published ? Forbid() : NotFound();
        }
        process.Phases = process.Phases.OrderBy(p => p.Position).ToList();
        Process = process;
        Administrators = (await db.Set<ProcessAdministrator>().Where(a => a.ProcessId == process.Id)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.DisplayName, u.Email, u.TwoFactorEnabled })
                .OrderBy(u => u.DisplayName).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName, u.Email, u.TwoFactorEnabled)).ToList();
        return null;
    }

    /// <summary>Each form validates only its own fields: the other forms on the page were not posted.</summary>
    private void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private RedirectResult Done(string status)
    {
        TempData["Status"] = status;
        return Redirect($"/processes/{Process.Slug}/manage");
    }
}
