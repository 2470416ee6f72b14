using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Commitments;

/// <summary>A commitment in a list: who pledged what, by when, and where it stands.</summary>
public sealed record CommitmentRow(
    Guid Id, Guid? OrganizationId, string? OrganizationSlug, string Party, string Title, string Language,
    CommitmentResources Brings, DateOnly DueOn, CommitmentStatus Status, int UpdateCount, bool Hidden, bool Overdue);

/// <summary>How many commitments per status, how many overdue, and how many bring each kind of resource.</summary>
public sealed record CommitmentSummary(
    int Total, IReadOnlyDictionary<CommitmentStatus, int> ByStatus, int Overdue, IReadOnlyDictionary<CommitmentResources, int> ByResource);

/// <summary>The commitments tab of a process: the register, filtered by party and status, with a summary on top.
/// Six queries whatever the page size.</summary>
public sealed class IndexModel(CommitmentService commitments, AgoraDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 20;
    /// <summary>The party filter value for the municipality's own pledges.</summary>
    public const string Municipality = "municipality";

    public CommitmentScope Scope { get; private set; } = default!;

    [BindProperty(SupportsGet = true, Name = "party")]
    public string? Party { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>Commitments made at one event, e.g. the needs assessment workshop.</summary>
    [BindProperty(SupportsGet = true, Name = "event")]
    public Guid? MadeAt { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OverdueOnly { get; set; }

    public Paged<CommitmentRow> Result { get; private set; } = new([], 1, PageSize, 0);
    public CommitmentSummary Summary { get; private set; } = default!;
    public IReadOnlyList<PartyOption> Parties { get; private set; } = [];
    public IReadOnlyList<PartyOption> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int page, CancellationToken ct)
    {
        var scope = await commitments.ScopeAsync(slug, User, ct);
        if (scope == null)
            return NotFound();
        Scope = scope;
        var today = scope.Today;
        var visible = commitments.Visible(scope).AsNoTracking();

        // The summary counts every commitment the reader may see except hidden ones, in one small query.
        var facts = await visible.Where(c => c.HiddenAt == null).Select(c => new { c.Status, c.Brings, c.DueOn }).ToListAsync(ct);
        Summary = new CommitmentSummary(
            facts.Count,
            Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => facts.Count(f => f.Status == s)),
            facts.Count(f => Commitment.IsOverdue(f.Status, f.DueOn, today)),
            CommitmentRules.Each((CommitmentResources)63).ToDictionary(r => r, r => facts.Count(f => f.Status != CommitmentStatus.Withdrawn && f.Brings.HasFlag(r))));

        var parties = await visible.Where(c => c.OrganizationId != null)
            .Join(db.Set<Organization>(), c => c.OrganizationId, o => o.Id, (c, o) => new { o.Id, o.Name })
            .Distinct().ToListAsync(ct);
        Parties = parties.Select(p => new PartyOption(p.Id, p.Name.Current)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();

        var events = await visible.Where(c => c.EventId != null)
            .Join(db.Set<Event>().Where(e => e.Published), c => c.EventId, e => e.Id, (c, e) => new { e.Id, e.Title, e.StartsAt })
            .Distinct().ToListAsync(ct);
        Events = events.OrderByDescending(e => e.StartsAt).Select(e => new PartyOption(e.Id, e.Title.Current)).ToList();

        var filtered = visible;
        if (MadeAt is Guid eventId)
            filtered = filtered.Where(c => c.EventId == eventId);
        if (Party == Municipality)
            filtered = filtered.Where(c => c.OrganizationId == null);
        else if (Guid.TryParse(Party, out var organizationId))
            filtered = filtered.Where(c => c.OrganizationId == organizationId);
        if (Enum.TryParse<CommitmentStatus>(Status, true, out var status))
            filtered = filtered.Where(c => c.Status == status);
        if (OverdueOnly)
            filtered = filtered.Where(c => (c.Status == CommitmentStatus.Pledged || c.Status == CommitmentStatus.InProgress) && c.DueOn < today);

        page = Paging.Clamp(page);
        var total = await filtered.CountAsync(ct);
        var rows = await filtered
            .GroupJoin(db.Set<Organization>(), c => c.OrganizationId, o => o.Id, (c, os) => new { c, os })
            .SelectMany(x => x.os.DefaultIfEmpty(), (x, o) => new
            {
                x.c.Id,
                x.c.OrganizationId,
                // Unlisted organisations have no public profile to link to.
                Slug = o != null && o.Listed ? o.Slug : null,
                Name = o != null ? o.Name : null,
                x.c.Title,
                x.c.TitleEn,
                x.c.Language,
                x.c.Brings,
                x.c.DueOn,
                x.c.Status,
                x.c.UpdateCount,
                x.c.HiddenAt,
            })
            // Open commitments first, soonest due on top: what needs attention.
            .OrderBy(r => r.Status == CommitmentStatus.Done || r.Status == CommitmentStatus.Withdrawn).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(ct);
        var municipality = l["Commitments.Municipality"].Value;
        Result = new Paged<CommitmentRow>(rows.Select(r => new CommitmentRow(
            r.Id, r.OrganizationId, r.Slug, r.Name?.Current ?? municipality,
            CommitmentRules.In(r.Title, r.Language, r.TitleEn), CommitmentRules.LanguageShown(r.Language, r.TitleEn),
            r.Brings, r.DueOn, r.Status, r.UpdateCount, r.HiddenAt != null, Commitment.IsOverdue(r.Status, r.DueOn, today))).ToList(),
            page, PageSize, total);
        return Page();
    }
}
