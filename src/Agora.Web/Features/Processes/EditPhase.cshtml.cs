using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Processes;

[Authorize]
public sealed class EditPhaseModel(AgoraDb db, ProcessAccess access, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public Phase Phase { get; private set; } = default!;

    [BindProperty]
    public PhaseInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        Input = PhaseInput.From(Phase);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } refused)
            return refused;
        Input.Validate(ModelState, "Input.", l);
        if (!ModelState.IsValid)
            return Page();
        Input.ApplyTo(Phase);
        PhaseInput.Renumber(Process.Phases);
        audit.Record(User, "process.phase.edit", "Process", Process.Id.ToString(), Phase.Title.Bg);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Process.Saved"].Value;
        return Redirect($"/processes/{Process.Slug}/manage");
    }

    private async Task<IActionResult?> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await db.Set<Process>().Include(p => p.Phases).FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (process == null)
            return NotFound();
        if (!await access.CanManageAsync(User, process.Id, ct))
            return process.Published ? Forbid() : NotFound();
        var phase = process.Phases.FirstOrDefault(p => p.Id == id);
        if (phase == null)
            return NotFound();
        (Process, Phase) = (process, phase);
        return null;
    }
}
