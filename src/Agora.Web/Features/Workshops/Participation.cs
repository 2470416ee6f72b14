using System.Security.Claims;
using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Workshops;

/// <summary>Who may take part in a workshop tool (a SWOT board, a needs ranking), as its facilitator chose.</summary>
public enum WorkshopEligibility
{
    /// <summary>Any signed-in person with a confirmed e-mail who is not blocked.</summary>
    SignedIn,
    /// <summary>Only the people registered (not waiting) for the event the tool is tied to.</summary>
    EventParticipants,
    /// <summary>Only approved representatives of an organisation in the registry.</summary>
    OrganizationRepresentatives,
}

/// <summary>
/// The kind of stakeholder a person speaks for: the kind of the organisation they represent (approved), or
/// "resident" for an individual. Results are broken down by these keys; labels are "Workshops.Kind.{key}".
/// </summary>
public static class StakeholderKinds
{
    public const string Resident = "resident";

    /// <summary>Every key in display order: the organisation kinds, then residents.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetNames<OrganizationKind>(), Resident];

    public static string Of(OrganizationKind? kind) => kind?.ToString() ?? Resident;
}

/// <summary>The shared participation rules of the workshop tools. Checked against the database on every act.</summary>
public sealed class WorkshopParticipation(AgoraDb db, Participants participants)
{
    /// <summary>The acting person, or the resource key of why they may not take part.</summary>
    public async Task<(Participants.Actor? Actor, string? Refusal)> CheckAsync(
        ClaimsPrincipal user, WorkshopEligibility eligibility, Guid? eventId, CancellationToken ct)
    {
        var (actor, refusal) = await participants.CheckAsync(user, ct);
        if (actor == null)
            return (null, refusal);
        if (eligibility == WorkshopEligibility.EventParticipants && eventId is Guid ev
            && !await db.Set<EventRegistration>().AnyAsync(r => r.EventId == ev && r.UserId == actor.Id && r.Status == RegistrationStatus.Registered, ct))
            return (null, "Workshops.Refused.NotRegistered");
        if (eligibility == WorkshopEligibility.OrganizationRepresentatives
            && !await db.Set<OrganizationRepresentative>().AnyAsync(r => r.UserId == actor.Id && r.Status == RepresentativeStatus.Approved, ct))
            return (null, "Workshops.Refused.NotRepresentative");
        return (actor, null);
    }

    /// <summary>The organisation a person speaks for: the first (by name) they are an approved representative of.</summary>
    public async Task<Guid?> OrganizationOfAsync(Guid userId, CancellationToken ct) =>
        await db.Set<OrganizationRepresentative>().Where(r => r.UserId == userId && r.Status == RepresentativeStatus.Approved)
            .Join(db.Set<Organization>(), r => r.OrganizationId, o => o.Id, (r, o) => o)
            .OrderBy(o => o.Name.Bg).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);

    /// <summary>The stakeholder kind of each person; one query. A person representing several organisations
    /// counts under the kind of the first by name, so that each person is counted once.</summary>
    public async Task<Dictionary<Guid, string>> KindsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var rows = await db.Set<OrganizationRepresentative>().AsNoTracking()
            .Where(r => userIds.Contains(r.UserId) && r.Status == RepresentativeStatus.Approved)
            .Join(db.Set<Organization>(), r => r.OrganizationId, o => o.Id, (r, o) => new { r.UserId, o.Kind, Name = o.Name.Bg })
            .ToListAsync(ct);
        var kinds = rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => StakeholderKinds.Of(g.OrderBy(x => x.Name, StringComparer.Ordinal).First().Kind));
        foreach (var id in userIds)
            kinds.TryAdd(id, StakeholderKinds.Resident);
        return kinds;
    }
}

/// <summary>What the shared eligibility fields show: the current choice and the process's events.</summary>
public sealed record EligibilityFields(WorkshopEligibility Eligibility, Guid? EventId, IReadOnlyList<(Guid Id, string Title)> Events);
