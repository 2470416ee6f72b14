using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Processes;

/// <summary>Site administrators create a process; it starts as a draft that only they and its administrators see.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class NewModel(AgoraDb db, AuditLog audit, TimeProvider clock, IEnumerable<ProcessComponent> components,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ProcessInput Input { get; set; } = new();

    public IReadOnlyList<ProcessComponent> Known { get; } = components.OrderBy(c => c.Order).ToList();

    public void OnGet() =>
        Input.Components = Known.Where(c => c.OnByDefault).Select(c => c.Key).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Validate(ModelState, "Input.", l, Known);
        if (!ModelState.IsValid)
            return Page();
        var requested = string.IsNullOrWhiteSpace(Input.Slug) ? null : Input.Slug.Trim();
        // "new" is this page's own address, so no process may have it.
        if (requested != null && (requested == "new" || await db.Set<Process>().AnyAsync(p => p.Slug == requested, ct)))
        {
            ModelState.AddModelError("Input.Slug", l["Process.SlugTaken"]);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var process = new Process { CreatedAt = now, UpdatedAt = now };
        Input.ApplyTo(process);
        process.Slug = requested ?? await Slugs.UniqueAsync(Input.TitleBg,
            async s => s == "new" || await db.Set<Process>().AnyAsync(p => p.Slug == s, ct), "process");
        db.Add(process);
        audit.Record(User, "process.create", "Process", process.Id.ToString(), process.Slug);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the slug between the check and the save: the unique index refused it.
            ModelState.AddModelError("Input.Slug", l["Process.SlugTaken"]);
            return Page();
        }
        TempData["Status"] = l["Process.Created"].Value;
        return Redirect($"/processes/{process.Slug}/manage");
    }
}
