using System.Security.Claims;
using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>One line of an organisation's participation history: an event attended, a commitment, a contribution …</summary>
/// <param name="At">When it happened (UTC); the list is newest first.</param>
/// <param name="KindKey">Resource key of what it is, e.g. "Organizations.History.Event".</param>
/// <param name="Title">Already in the reader's language.</param>
/// <param name="Url">Local link to it.</param>
public sealed record HistoryItem(DateTime At, string KindKey, string Title, string Url);

/// <summary>
/// A module's share of an organisation's participation history. The events module's share is below; later modules
/// (commitments, contributions) register their own with <c>services.AddScoped&lt;IOrganizationHistorySource, …&gt;()</c>
/// and the profile page shows them all together. Each source runs a fixed number of queries and shows only what the
/// reader may see.
/// </summary>
public interface IOrganizationHistorySource
{
    Task<IReadOnlyList<HistoryItem>> ForAsync(Guid organizationId, ClaimsPrincipal reader, CancellationToken ct);
}

/// <summary>The published events the organisation took part in, in processes the reader may see.</summary>
public sealed class EventHistorySource(AgoraDb db, ProcessAccess access) : IOrganizationHistorySource
{
    public async Task<IReadOnlyList<HistoryItem>> ForAsync(Guid organizationId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var visible = access.VisibleIds(reader);
        var rows = await db.Set<EventOrganization>().Where(x => x.OrganizationId == organizationId)
            .Join(db.Set<Event>(), x => x.EventId, e => e.Id, (x, e) => e)
            .Where(e => e.Published && (e.ProcessId == null || visible.Contains(e.ProcessId.Value)))
            .OrderByDescending(e => e.StartsAt).Take(200)
            .Select(e => new { e.Id, e.StartsAt, e.Title })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(e => new HistoryItem(e.StartsAt, "Organizations.History.Event", e.Title.Current, "/events/" + e.Id)).ToList();
    }
}

/// <summary>The processes the organisation takes part in (accepted join requests), among those the reader may see.</summary>
public sealed class ProcessHistorySource(AgoraDb db, ProcessAccess access) : IOrganizationHistorySource
{
    public async Task<IReadOnlyList<HistoryItem>> ForAsync(Guid organizationId, ClaimsPrincipal reader, CancellationToken ct)
    {
        var rows = await db.Set<ProcessOrganization>().Where(x => x.OrganizationId == organizationId)
            .Join(access.Visible(reader), x => x.ProcessId, p => p.Id, (x, p) => new { x.JoinedAt, p.Slug, p.Title })
            .OrderByDescending(x => x.JoinedAt).Take(200)
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(p => new HistoryItem(p.JoinedAt, "Organizations.History.Process", p.Title.Current, "/processes/" + p.Slug)).ToList();
    }
}
