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

namespace Agora.Web.Features.Organizations;

/// <summary>
/// Process administrators review the requests to join their process. Accepting adds the organisation to the registry
/// (if new), makes the signed-in requester its representative, records it as taking part, and invites it to the
/// process's upcoming events; declining needs a reason. The requester is told either way; both are audit-logged.
/// </summary>
public sealed class JoinRequestsModel(
    AgoraDb db, ProcessAccess access, OrganizationEmails emails, JoinInvitations invitations, AuditLog audit,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public Process Process { get; private set; } = default!;
    public IReadOnlyList<JoinRequest> Pending { get; private set; } = [];
    public IReadOnlyList<JoinRequest> Decided { get; private set; } = [];

    [BindProperty]
    public DeclineInput Decline { get; set; } = new();

    /// <summary>The request whose decline form failed validation, to show its error next to it.</summary>
    public Guid? FailedId { get; private set; }

    public sealed class DeclineInput
    {
        [Required(ErrorMessage = V.Required), StringLength(1000, ErrorMessage = V.MaxLength), Display(Name = "Organizations.Review.Reason")]
        public string Reason { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await AuthorizeAsync(slug, ct) is { } refused)
            return refused;
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string slug, Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await AuthorizeAsync(slug, ct) is { } refused)
            return refused;
        var request = await db.Set<JoinRequest>().FirstOrDefaultAsync(r => r.Id == id && r.ProcessId == Process.Id, ct);
        if (request == null)
            return NotFound();
        if (request.Status != JoinRequestStatus.Pending)
            return AlreadyDecided();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A conditional claim: of two administrators accepting at once, one creates the organisation.
        var claimed = await db.Set<JoinRequest>().Where(r => r.Id == id && r.Status == JoinRequestStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, JoinRequestStatus.Accepted), ct);
        if (claimed == 0)
            return AlreadyDecided();
        var organization = request.OrganizationId is Guid existing
            ? await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == existing, ct)
            : null;
        if (organization == null)
        {
            organization = new Organization
            {
                Slug = await NewModel.UniqueSlugAsync(db, request.OrganizationName, ct),
                Name = new LocalizedText(request.OrganizationName, request.OrganizationName),
                Kind = request.OrganizationKind ?? OrganizationKind.CitizenGroup,
                Website = request.OrganizationWebsite,
                Listed = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Add(organization);
            request.OrganizationId = organization.Id;
            audit.Record(User, "organization.create", "organization", organization.Id.ToString(), $"{organization.Slug} (join request {request.Id})");
        }
        if (request.UserId is Guid requester
            && !await db.Set<OrganizationRepresentative>().AnyAsync(r => r.OrganizationId == organization.Id && r.UserId == requester, ct))
        {
            db.Add(new OrganizationRepresentative
            {
                OrganizationId = organization.Id,
                UserId = requester,
                Status = RepresentativeStatus.Approved,
                Note = l["Organizations.Review.RepresentativeNote"].Value,
                CreatedAt = now,
                DecidedAt = now,
                DecidedById = User.UserId(),
            });
        }
        if (!await db.Set<ProcessOrganization>().AnyAsync(x => x.ProcessId == Process.Id && x.OrganizationId == organization.Id, ct))
            db.Add(new ProcessOrganization { ProcessId = Process.Id, OrganizationId = organization.Id, JoinedAt = now });
        request.Status = JoinRequestStatus.Accepted;
        request.DecidedAt = now;
        request.DecidedById = User.UserId();
        emails.JoinAccepted(request, Process, organization);
        // Representatives and contacts are read from the database, so the new rows must be there first.
        await db.SaveChangesAsync(ct);
        await invitations.InviteToUpcomingAsync(Process.Id, organization.Id, ct);
        audit.Record(User, "organization.join.accept", "process", Process.Id.ToString(), $"{organization.Slug} (join request {request.Id})");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = l["Organizations.Review.Accepted", organization.Name.Current].Value;
        return Redirect($"/processes/{Process.Slug}/join-requests");
    }

    public async Task<IActionResult> OnPostDeclineAsync(string slug, Guid id, CancellationToken ct)
    {
        if (await AuthorizeAsync(slug, ct) is { } refused)
            return refused;
        var request = await db.Set<JoinRequest>().FirstOrDefaultAsync(r => r.Id == id && r.ProcessId == Process.Id, ct);
        if (request == null)
            return NotFound();
        if (request.Status != JoinRequestStatus.Pending)
            return AlreadyDecided();
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Decline.Reason))
        {
            if (ModelState.IsValid)
                ModelState.AddModelError("Decline.Reason", l[V.Required, l["Organizations.Review.Reason"]]);
            FailedId = id;
            await LoadListsAsync(ct);
            return Page();
        }
        // Claimed by a conditional update, as acceptance is: of two administrators deciding at once, one wins and
        // the other is told it was already decided. The e-mail and audit entry commit with the claim.
        var reason = Decline.Reason.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var decider = User.UserId();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<JoinRequest>().Where(r => r.Id == id && r.Status == JoinRequestStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, JoinRequestStatus.Declined)
                .SetProperty(r => r.DeclineReason, reason).SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.DecidedById, decider), ct);
        if (claimed == 0)
            return AlreadyDecided();
        db.Entry(request).State = EntityState.Detached;
        request.Status = JoinRequestStatus.Declined;
        request.DeclineReason = reason;
        request.DecidedAt = now;
        request.DecidedById = decider;
        emails.JoinDeclined(request, Process);
        audit.Record(User, "organization.join.decline", "process", Process.Id.ToString(), $"{request.OrganizationName} (join request {request.Id}): {request.DeclineReason}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = l["Organizations.Review.Declined", request.OrganizationName].Value;
        return Redirect($"/processes/{Process.Slug}/join-requests");
    }

    private RedirectResult AlreadyDecided()
    {
        TempData["Status"] = l["Organizations.Admin.AlreadyDecided"].Value;
        return Redirect($"/processes/{Process.Slug}/join-requests");
    }

    /// <summary>Anonymous readers are asked to sign in; anyone who does not manage the process gets 404.</summary>
    private async Task<IActionResult?> AuthorizeAsync(string slug, CancellationToken ct)
    {
        if (User.UserId() == null)
            return Challenge();
        var process = await access.FindVisibleAsync(slug, User, ct);
        if (process == null || !await access.CanManageAsync(User, process.Id, ct))
            return NotFound();
        Process = process;
        return null;
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        var all = db.Set<JoinRequest>().AsNoTracking().Where(r => r.ProcessId == Process.Id);
        Pending = await all.Where(r => r.Status == JoinRequestStatus.Pending).OrderBy(r => r.CreatedAt).Take(200).ToListAsync(ct);
        Decided = await all.Where(r => r.Status != JoinRequestStatus.Pending).OrderByDescending(r => r.DecidedAt).Take(50).ToListAsync(ct);
    }
}
