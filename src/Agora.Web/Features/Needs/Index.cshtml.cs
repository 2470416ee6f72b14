using Agora.Web.Features.Events;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Swot;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Needs;

/// <summary>The needs of a process with their area, status and links; facilitators set the prioritisation rules here.</summary>
public sealed class IndexModel(NeedsService needs, AgoraDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public NeedsScope Scope { get; private set; } = default!;
    public IReadOnlyList<Need> Needs { get; private set; } = [];
    public ILookup<Guid, (Guid Id, string Text)> SwotLinks { get; private set; } = default!;
    public ILookup<Guid, (Guid Id, string Title)> ProposalLinks { get; private set; } = default!;
    public IReadOnlyList<(Guid Id, string Title)> Events { get; private set; } = [];

    public sealed class SettingsInput
    {
        public RankingMethod Method { get; set; }
        public WorkshopEligibility Eligibility { get; set; }
        public Guid? EventId { get; set; }
        public bool Closed { get; set; }
    }

    [BindProperty] public SettingsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        Input = new SettingsInput { Method = Scope.Settings.Method, Eligibility = Scope.Settings.Eligibility, EventId = Scope.Settings.EventId, Closed = Scope.Closed };
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (!Scope.CanManage)
            return Forbid();
        if (!Enum.IsDefined(Input.Method))
            ModelState.AddModelError("Input.Method", l["Validation.ValueInvalidPlain"]);
        if (Input.EventId is Guid e && Events.All(x => x.Id != e))
            ModelState.AddModelError("Input.EventId", l["Validation.ValueInvalidPlain"]);
        if (!Enum.IsDefined(Input.Eligibility) || (Input.Eligibility == WorkshopEligibility.EventParticipants && Input.EventId == null))
            ModelState.AddModelError("Input.Eligibility", l["Workshops.Refused.EventNeeded"]);
        if (!ModelState.IsValid)
            return Page();
        var settings = await db.Set<NeedsSettings>().FirstOrDefaultAsync(s => s.ProcessId == Scope.Process.Id, ct);
        if (settings == null)
            db.Add(settings = new NeedsSettings { ProcessId = Scope.Process.Id });
        settings.Method = Input.Method;
        settings.Eligibility = Input.Eligibility;
        settings.EventId = Input.EventId;
        settings.ClosedAt = Input.Closed ? settings.ClosedAt ?? clock.GetUtcNow().UtcDateTime : null;
        audit.Record(User, "needs.settings", "process", Scope.Process.Id.ToString(), $"{Input.Method}; {Input.Eligibility}; closed={Input.Closed}");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Needs.Settings.Saved"].Value;
        return Redirect(Scope.Path);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var scope = await needs.ScopeAsync(slug, User, ct);
        if (scope == null)
            return false;
        Scope = scope;
        Needs = await needs.NeedsAsync(scope.Process.Id, ct);
        var ids = Needs.Select(n => n.Id).ToList();
        SwotLinks = (await db.Set<NeedSwotItem>().AsNoTracking().Where(x => ids.Contains(x.NeedId))
            .Join(db.Set<SwotItem>(), x => x.SwotItemId, i => i.Id, (x, i) => new { x.NeedId, i.Id, i.Text }).ToListAsync(ct))
            .ToLookup(x => x.NeedId, x => (x.Id, x.Text));
        ProposalLinks = (await db.Set<NeedProposal>().AsNoTracking().Where(x => ids.Contains(x.NeedId))
            .Join(db.Set<Proposal>().Where(p => p.HiddenAt == null), x => x.ProposalId, p => p.Id, (x, p) => new { x.NeedId, p.Id, p.Title }).ToListAsync(ct))
            .ToLookup(x => x.NeedId, x => (x.Id, x.Title));
        if (scope.CanManage)
            Events = (await db.Set<Event>().AsNoTracking().Where(e => e.ProcessId == scope.Process.Id).OrderBy(e => e.StartsAt)
                .Select(e => new { e.Id, e.Title }).ToListAsync(ct)).Select(e => (e.Id, e.Title.Current)).ToList();
        return true;
    }
}
