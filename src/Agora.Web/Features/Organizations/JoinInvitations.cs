using Agora.Web.Features.Events;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Organizations;

/// <summary>
/// Invites the organisations taking part in a process to its upcoming published events: the contacts of their
/// accepted join requests and their approved representatives, each once, in their own language. An invitation row
/// per event and organisation keeps anyone from being invited twice. Adds to the caller's unit of work; never saves.
/// </summary>
public sealed class JoinInvitations(AgoraDb db, OrganizationEmails emails, TimeProvider clock)
{
    /// <summary>At acceptance: invites the organisation to the process's events already scheduled.</summary>
    public async Task InviteToUpcomingAsync(Guid processId, Guid organizationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await db.Set<Event>().AsNoTracking()
            .Where(e => e.ProcessId == processId && e.Published && e.StartsAt > now)
            .OrderBy(e => e.StartsAt).ToListAsync(ct);
        foreach (var ev in events)
            await InviteAsync(ev, [organizationId], ct);
    }

    /// <summary>When an event is published: invites every organisation taking part in its process.</summary>
    public async Task InviteAllAsync(Event ev, CancellationToken ct)
    {
        if (ev.ProcessId is not Guid processId || !ev.Published || ev.StartsAt <= clock.GetUtcNow().UtcDateTime)
            return;
        var organizations = await db.Set<ProcessOrganization>().Where(p => p.ProcessId == processId)
            .Select(p => p.OrganizationId).ToListAsync(ct);
        await InviteAsync(ev, organizations, ct);
    }

    private async Task InviteAsync(Event ev, List<Guid> organizationIds, CancellationToken ct)
    {
        // Nobody outside is invited to an event of a process that is not public: the link would be a 404, and the
        // invitation would reveal a draft. Organisations are invited when the event is published in a public process.
        if (organizationIds.Count == 0
            || !await db.Set<Processes.Process>().AnyAsync(p => p.Id == ev.ProcessId && p.Published, ct))
            return;
        var already = await db.Set<OrganizationInvitation>()
            .Where(i => i.EventId == ev.Id && organizationIds.Contains(i.OrganizationId))
            .Select(i => i.OrganizationId).ToListAsync(ct);
        var ids = organizationIds.Except(already).ToList();
        if (ids.Count == 0)
            return;
        var organizations = await db.Set<Organization>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var contacts = await db.Set<JoinRequest>().AsNoTracking()
            .Where(r => r.ProcessId == ev.ProcessId && r.Status == JoinRequestStatus.Accepted
                        && r.OrganizationId != null && ids.Contains(r.OrganizationId.Value))
            .Select(r => new Recipient(r.OrganizationId!.Value, r.ContactEmail, r.Culture, r.ContactName)).ToListAsync(ct);
        var representatives = await db.Set<OrganizationRepresentative>()
            .Where(r => ids.Contains(r.OrganizationId) && r.Status == RepresentativeStatus.Approved)
            .Join(db.Users.Where(u => u.Email != null && u.DeletedAt == null), r => r.UserId, u => u.Id,
                (r, u) => new Recipient(r.OrganizationId, u.Email!, u.PreferredCulture, u.DisplayName))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var organization in organizations.OrderBy(o => o.Slug, StringComparer.Ordinal))
        {
            // Representatives first: their own language wins over the one a request was written in.
            foreach (var r in representatives.Concat(contacts).Where(r => r.OrganizationId == organization.Id))
            {
                if (sent.Add(r.Email.Trim()))
                    emails.Invitation(r.Email.Trim(), r.Culture, r.Name, organization, ev);
            }
            db.Add(new OrganizationInvitation { EventId = ev.Id, OrganizationId = organization.Id, SentAt = now });
        }
    }

    private sealed record Recipient(Guid OrganizationId, string Email, string Culture, string Name);
}

/// <summary>A new event in a process invites the organisations taking part in it.</summary>
public sealed class InviteOrganizationsOnPublish(JoinInvitations invitations) : IEventPublishedHandler
{
    public Task OnEventPublishedAsync(Event published, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(published);
        return invitations.InviteAllAsync(published, ct);
    }
}
