using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Proposals;

/// <summary>Process administrators set the proposal rules: threshold, deadline, edit window, categories and,
/// per phase, whether creating, supporting and commenting are on.</summary>
[Authorize]
public sealed class SettingsModel(ProposalService proposals, AgoraDb db, AuditLog audit, IStringLocalizer<SharedResource> l) : PageModel
{
    public ProposalScope Scope { get; private set; } = default!;

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public sealed class PhaseInput
    {
        public Guid PhaseId { get; set; }
        public string Title { get; set; } = "";
        public bool Current { get; set; }
        public bool Creating { get; set; }
        public bool Supporting { get; set; }
        public bool Commenting { get; set; }
    }

    public sealed class SettingsInput
    {
        [Range(0, 1_000_000, ErrorMessage = V.Range), Display(Name = "Proposals.Settings.Threshold")]
        public int SupportThreshold { get; set; }

        [Display(Name = "Proposals.Settings.Deadline")]
        public DateOnly? SupportDeadline { get; set; }

        [Range(0, 525_600, ErrorMessage = V.Range), Display(Name = "Proposals.Settings.EditWindow")]
        public int EditWindowMinutes { get; set; }

        /// <summary>One category a line: "Bulgarian | English".</summary>
        [StringLength(5000, ErrorMessage = V.MaxLength), Display(Name = "Proposals.Settings.Categories")]
        public string? Categories { get; set; }

        public List<PhaseInput> Phases { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } fail)
            return fail;
        var switches = await SwitchesAsync(ct);
        Input = new SettingsInput
        {
            SupportThreshold = Scope.Settings.SupportThreshold,
            SupportDeadline = Scope.Settings.SupportDeadline,
            EditWindowMinutes = Scope.Settings.EditWindowMinutes,
            Categories = string.Join('\n', Scope.Categories.Select(c => string.IsNullOrEmpty(c.Name.En) ? c.Name.Bg : $"{c.Name.Bg} | {c.Name.En}")),
            Phases = Scope.Process.Phases.OrderBy(p => p.Position).Select(p => new PhaseInput
            {
                PhaseId = p.Id,
                Title = p.Title.Current,
                Current = p.IsCurrent,
                Creating = switches.GetValueOrDefault(p.Id)?.CreatingEnabled ?? false,
                Supporting = switches.GetValueOrDefault(p.Id)?.SupportingEnabled ?? false,
                Commenting = switches.GetValueOrDefault(p.Id)?.CommentingEnabled ?? false,
            }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } fail)
            return fail;
        var phaseIds = Scope.Process.Phases.Select(p => p.Id).ToHashSet();
        if (Input.Phases.Any(p => !phaseIds.Contains(p.PhaseId)))
            return BadRequest();
        foreach (var p in Input.Phases)
            p.Title = Scope.Process.Phases.First(x => x.Id == p.PhaseId).Title.Current;
        var lines = (Input.Categories ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Any(x => x.Length > 400))
            ModelState.AddModelError("Input.Categories", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
            return Page();

        var settings = await db.Set<ProposalSettings>().FirstOrDefaultAsync(s => s.ProcessId == Scope.Process.Id, ct);
        if (settings == null)
            db.Add(settings = new ProposalSettings { ProcessId = Scope.Process.Id });
        settings.SupportThreshold = Input.SupportThreshold;
        settings.SupportDeadline = Input.SupportDeadline;
        settings.EditWindowMinutes = Input.EditWindowMinutes;

        // Each phase once: a crafted form naming a phase twice would otherwise add two rows for it.
        if (Input.Phases.Select(p => p.PhaseId).Distinct().Count() != Input.Phases.Count)
            return BadRequest();
        var switches = await db.Set<ProposalPhaseSettings>().Where(s => phaseIds.Contains(s.PhaseId)).ToDictionaryAsync(s => s.PhaseId, ct);
        foreach (var p in Input.Phases)
        {
            if (!switches.TryGetValue(p.PhaseId, out var row))
                db.Add(row = new ProposalPhaseSettings { PhaseId = p.PhaseId });
            row.CreatingEnabled = p.Creating;
            row.SupportingEnabled = p.Supporting;
            row.CommentingEnabled = p.Commenting;
        }

        // Categories keep their ids where the Bulgarian name stays, so proposals keep theirs.
        var existing = await db.Set<ProposalCategory>().Where(c => c.ProcessId == Scope.Process.Id).ToListAsync(ct);
        var position = 0;
        var kept = new HashSet<Guid>();
        foreach (var line in lines)
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            var bg = parts[0];
            var en = parts.Length > 1 ? parts[1] : "";
            if (bg.Length == 0)
                continue;
            var cat = existing.FirstOrDefault(c => c.Name.Bg == bg && !kept.Contains(c.Id));
            if (cat == null)
                db.Add(cat = new ProposalCategory { ProcessId = Scope.Process.Id });
            cat.Name = new(bg, en);
            cat.Position = position++;
            kept.Add(cat.Id);
        }
        db.RemoveRange(existing.Where(c => !kept.Contains(c.Id)));
        audit.Record(User, "proposals.settings", "process", Scope.Process.Id.ToString(),
            $"threshold={Input.SupportThreshold}; deadline={Input.SupportDeadline}; edit={Input.EditWindowMinutes}; " +
            string.Join("; ", Input.Phases.Select(p => $"{p.Title}: {(p.Creating ? "C" : "-")}{(p.Supporting ? "S" : "-")}{(p.Commenting ? "K" : "-")}")));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Proposals.Settings.Saved"].Value;
        return Redirect($"{Scope.Path}/settings");
    }

    private async Task<Dictionary<Guid, ProposalPhaseSettings>> SwitchesAsync(CancellationToken ct)
    {
        var ids = Scope.Process.Phases.Select(p => p.Id).ToList();
        return await db.Set<ProposalPhaseSettings>().AsNoTracking().Where(s => ids.Contains(s.PhaseId)).ToDictionaryAsync(s => s.PhaseId, ct);
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var scope = await proposals.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        if (!scope.CanManage)
            return Forbid();
        Scope = scope;
        return null;
    }
}
