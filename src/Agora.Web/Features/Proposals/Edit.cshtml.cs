using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Proposals;

/// <summary>The author edits their proposal within the process's edit window, before anyone answered it.</summary>
[Authorize]
public sealed class EditModel(ProposalService proposals, Participants participants, AgoraDb db, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public ProposalScope Scope { get; private set; } = default!;
    public Proposal Proposal { get; private set; } = default!;

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public string ProposalUrl => $"{Scope.Path}/{Proposal.Id}";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } fail)
            return fail;
        Input = new ProposalInput { Title = Proposal.Title, Body = Proposal.Body, District = Proposal.District ?? "city", Category = Proposal.CategoryId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(slug, id, ct) is { } fail)
            return fail;
        foreach (var (field, error) in Input.Check(Scope))
            ModelState.AddModelError(field, l[error]);
        if (!ModelState.IsValid)
            return Page();
        Proposal.Title = Input.Title.Trim();
        Proposal.Body = Input.Body.Trim();
        Proposal.District = Input.DistrictKey;
        Proposal.CategoryId = Input.Category;
        Proposal.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["Proposals.Saved"].Value;
        return Redirect(ProposalUrl);
    }

    private async Task<IActionResult?> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var scope = await proposals.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        var p = await db.Set<Proposal>().FirstOrDefaultAsync(x => x.Id == id && x.ProcessId == scope.Process.Id && x.HiddenAt == null, ct);
        if (p == null)
            return NotFound();
        Proposal = p;
        if (p.AuthorId != User.UserId())
            return Forbid();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        var open = p.State == ProposalState.Published && clock.GetUtcNow().UtcDateTime < p.CreatedAt.AddMinutes(scope.Settings.EditWindowMinutes);
        if (actor == null || !open)
        {
            TempData["Status"] = l[refusal ?? "Proposals.Refused.EditWindowClosed"].Value;
            return Redirect(ProposalUrl);
        }
        return null;
    }
}
