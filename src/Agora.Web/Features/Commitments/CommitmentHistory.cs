using System.Security.Claims;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Localization;
using Agora.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Commitments;

/// <summary>The organisation's commitments on its profile: in processes the reader may see, with commitments on,
/// not hidden; each line says its status, due date and whether it is overdue. One query.</summary>
public sealed class CommitmentHistorySource(AgoraDb db, ProcessAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : IOrganizationHistorySource
{
    public async Task<IReadOnlyList<HistoryItem>> ForAsync(Guid organizationId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Format.ToSofia(clock.GetUtcNow().UtcDateTime));
        var rows = await db.Set<Commitment>().Where(c => c.OrganizationId == organizationId && c.HiddenAt == null)
            .Join(access.Visible(reader), c => c.ProcessId, p => p.Id, (c, p) => new
            {
                c.Id,
                c.Title,
                c.TitleEn,
                c.Language,
                c.Status,
                c.DueOn,
                c.CreatedAt,
                p.Slug,
                p.Components,
            })
            .OrderByDescending(x => x.CreatedAt).Take(200)
            .AsNoTracking().ToListAsync(ct);
        return rows
            .Where(x => x.Components.Split(',', StringSplitOptions.TrimEntries).Contains(CommitmentService.Key))
            .Select(x =>
            {
                var state = l["Commitments.Status." + x.Status].Value;
                if (Commitment.IsOverdue(x.Status, x.DueOn, today))
                    state += ", " + l["Commitments.Overdue"].Value;
                var title = l["Commitments.History.Line", CommitmentRules.In(x.Title, x.Language, x.TitleEn), state, Format.Day(x.DueOn)].Value;
                return new HistoryItem(x.CreatedAt, "Commitments.History.Kind", title, $"/processes/{x.Slug}/{CommitmentService.Segment}/{x.Id}");
            })
            .ToList();
    }
}

/// <summary>The commitments a person recorded and their progress notes, for "download my data".</summary>
public sealed class CommitmentsPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "commitments";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct) => new
    {
        pledged = await db.Set<Commitment>().AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.ProcessId, c.OrganizationId, c.Title, c.Description, c.Language, status = c.Status.ToString(), c.DueOn, c.CreatedAt })
            .ToListAsync(ct),
        updates = await db.Set<CommitmentUpdate>().AsNoTracking().Where(u => u.AuthorId == userId).OrderBy(u => u.CreatedAt)
            .Select(u => new { u.CommitmentId, u.Text, u.Language, newStatus = u.NewStatus.ToString(), u.CreatedAt })
            .ToListAsync(ct),
    };
}
