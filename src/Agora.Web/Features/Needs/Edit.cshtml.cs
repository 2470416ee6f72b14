using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Needs;

/// <summary>Facilitators write a need (both languages), its area and status, and link SWOT items and proposals.</summary>
[Authorize]
public sealed class EditModel(NeedsService needs, AgoraDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public NeedsScope Scope { get; private set; } = default!;
    public IReadOnlyList<(Guid Id, string Text)> SwotItems { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> Proposals { get; private set; } = [];

    public sealed class NeedInput
    {
        [Required(ErrorMessage = V.Required), StringLength(200, MinimumLength = 3, ErrorMessage = V.Length), Display(Name = "Needs.Field.TitleBg")]
        public string TitleBg { get; set; } = "";
        [StringLength(200, ErrorMessage = V.MaxLength), Display(Name = "Needs.Field.TitleEn")]
        public string? TitleEn { get; set; }
        [StringLength(10_000, ErrorMessage = V.MaxLength), Display(Name = "Needs.Field.DescriptionBg")]
        public string? DescriptionBg { get; set; }
        [StringLength(10_000, ErrorMessage = V.MaxLength), Display(Name = "Needs.Field.DescriptionEn")]
        public string? DescriptionEn { get; set; }
        [Required(ErrorMessage = V.Required), Display(Name = "Needs.Field.Area")]
        public string Area { get; set; } = AdministrationAreas.Other;
        [Display(Name = "Needs.Field.Status")]
        public NeedStatus Status { get; set; }
        [Range(0, 10_000, ErrorMessage = V.Range), Display(Name = "Needs.Field.Position")]
        public int Position { get; set; }
        public List<Guid> SwotItemIds { get; set; } = [];
        public List<Guid> ProposalIds { get; set; } = [];
    }

    [BindProperty] public NeedInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } fail)
            return fail;
        if (id is Guid nid)
        {
            var n = await db.Set<Need>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == nid && x.ProcessId == Scope.Process.Id, ct);
            if (n == null)
                return NotFound();
            Input = new NeedInput
            {
                TitleBg = n.Title.Bg,
                TitleEn = n.Title.En,
                DescriptionBg = n.Description.Bg,
                DescriptionEn = n.Description.En,
                Area = n.Area,
                Status = n.Status,
                Position = n.Position,
                SwotItemIds = await db.Set<NeedSwotItem>().Where(x => x.NeedId == nid).Select(x => x.SwotItemId).ToListAsync(ct),
                ProposalIds = await db.Set<NeedProposal>().Where(x => x.NeedId == nid).Select(x => x.ProposalId).ToListAsync(ct),
            };
        }
        else
        {
            Input.Position = await db.Set<Need>().CountAsync(x => x.ProcessId == Scope.Process.Id, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid? id, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } fail)
            return fail;
        if (!AdministrationAreas.IsKnown(Input.Area))
            ModelState.AddModelError("Input.Area", l["Validation.ValueInvalidPlain"]);
        if (!Enum.IsDefined(Input.Status))
            ModelState.AddModelError("Input.Status", l["Validation.ValueInvalidPlain"]);
        // Links only to this process's SWOT items and proposals, whatever the form says.
        if (Input.SwotItemIds.Any(x => SwotItems.All(i => i.Id != x)) || Input.ProposalIds.Any(x => Proposals.All(p => p.Id != x)))
            return BadRequest();
        if (!ModelState.IsValid)
            return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        Need? need;
        if (id is Guid nid)
        {
            need = await db.Set<Need>().FirstOrDefaultAsync(x => x.Id == nid && x.ProcessId == Scope.Process.Id, ct);
            if (need == null)
                return NotFound();
            await db.Set<NeedSwotItem>().Where(x => x.NeedId == nid).ExecuteDeleteAsync(ct);
            await db.Set<NeedProposal>().Where(x => x.NeedId == nid).ExecuteDeleteAsync(ct);
        }
        else
        {
            db.Add(need = new Need { ProcessId = Scope.Process.Id, CreatedAt = now });
        }
        need.Title = new(Input.TitleBg.Trim(), Input.TitleEn?.Trim() ?? "");
        need.Description = new(Input.DescriptionBg?.Trim() ?? "", Input.DescriptionEn?.Trim() ?? "");
        need.Area = Input.Area;
        need.Status = Input.Status;
        need.Position = Input.Position;
        need.UpdatedAt = now;
        foreach (var s in Input.SwotItemIds.Distinct())
            db.Add(new NeedSwotItem { NeedId = need.Id, SwotItemId = s });
        foreach (var p in Input.ProposalIds.Distinct())
            db.Add(new NeedProposal { NeedId = need.Id, ProposalId = p });
        audit.Record(User, id == null ? "needs.create" : "needs.edit", "need", need.Id.ToString(), $"{need.Title.Bg}; {need.Status}");
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Needs.Saved"].Value;
        return Redirect($"{Scope.Path}#need-{need.Id}");
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var scope = await needs.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        if (!scope.CanManage)
            return Forbid();
        Scope = scope;
        var pid = scope.Process.Id;
        SwotItems = (await db.Set<SwotItem>().AsNoTracking().Where(i => i.MergedIntoId == null)
            .Join(db.Set<SwotBoard>().Where(b => b.ProcessId == pid), i => i.BoardId, b => b.Id, (i, b) => new { i.Id, i.Text, i.Quadrant })
            .ToListAsync(ct)).OrderBy(i => i.Quadrant).Select(i => (i.Id, $"{l["Swot.Quadrant." + i.Quadrant]}: {i.Text}")).ToList();
        Proposals = (await db.Set<Proposal>().AsNoTracking().Where(p => p.ProcessId == pid && p.HiddenAt == null)
            .OrderByDescending(p => p.SupportCount).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        return null;
    }
}
