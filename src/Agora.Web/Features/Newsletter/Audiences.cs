using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Newsletter;

/// <summary>
/// Who an issue can go to. Modules add their own (representatives of organisations, people registered for a
/// process's events) with <c>services.AddScoped&lt;INewsletterAudience, X&gt;()</c>. The sender removes duplicate
/// addresses and addresses that unsubscribed, and writes to each person in their language.
/// </summary>
public interface INewsletterAudience
{
    /// <summary>Stable key stored on the issue, e.g. "subscribers".</summary>
    string Key { get; }

    /// <summary>Resource key of the label in the administrator's form.</summary>
    string Label { get; }

    /// <summary>Whether the audience needs a process chosen (followers of a process …).</summary>
    bool RequiresProcess => false;

    /// <summary>Addresses and their languages ("bg"/"en"); duplicates are allowed, the sender removes them.</summary>
    Task<IReadOnlyList<(string Email, string Culture)>> RecipientsAsync(Guid? processId, CancellationToken ct);
}

/// <summary>Everyone who confirmed their subscription.</summary>
public sealed class SubscribersAudience(AgoraDb db) : INewsletterAudience
{
    public const string AudienceKey = "subscribers";

    public string Key => AudienceKey;
    public string Label => "Newsletter.Audience.Subscribers";

    public async Task<IReadOnlyList<(string Email, string Culture)>> RecipientsAsync(Guid? processId, CancellationToken ct)
    {
        var rows = await db.Set<NewsletterSubscriber>().AsNoTracking().Where(s => s.Status == SubscriptionStatus.Confirmed)
            .OrderBy(s => s.CreatedAt).Select(s => new { s.Email, s.Culture }).ToListAsync(ct);
        return rows.Select(r => (r.Email, r.Culture)).ToList();
    }
}

/// <summary>People following the chosen process (active accounts with a confirmed address).</summary>
public sealed class FollowersAudience(AgoraDb db) : INewsletterAudience
{
    public string Key => "followers";
    public string Label => "Newsletter.Audience.Followers";
    public bool RequiresProcess => true;

    public async Task<IReadOnlyList<(string Email, string Culture)>> RecipientsAsync(Guid? processId, CancellationToken ct)
    {
        if (processId is not Guid id)
            return [];
        var rows = await db.Set<ProcessFollower>().Where(f => f.ProcessId == id)
            .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => u)
            .Where(u => u.Email != null && u.EmailConfirmed && u.DeletedAt == null && u.BlockedAt == null)
            .Select(u => new { u.Email, u.PreferredCulture }).ToListAsync(ct);
        return rows.Select(r => (r.Email!, r.PreferredCulture)).ToList();
    }
}

/// <summary>Approved representatives of organisations in the registry.</summary>
public sealed class RepresentativesAudience(AgoraDb db) : INewsletterAudience
{
    public string Key => "representatives";
    public string Label => "Newsletter.Audience.Representatives";

    public async Task<IReadOnlyList<(string Email, string Culture)>> RecipientsAsync(Guid? processId, CancellationToken ct)
    {
        var rows = await db.Set<Organizations.OrganizationRepresentative>()
            .Where(r => r.Status == Organizations.RepresentativeStatus.Approved)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u)
            .Where(u => u.Email != null && u.EmailConfirmed && u.DeletedAt == null && u.BlockedAt == null)
            .Select(u => new { u.Email, u.PreferredCulture }).ToListAsync(ct);
        return rows.Select(r => (r.Email!, r.PreferredCulture)).ToList();
    }
}

/// <summary>People registered (or waiting) for any event of the chosen process.</summary>
public sealed class EventRegistrantsAudience(AgoraDb db) : INewsletterAudience
{
    public string Key => "event-registrants";
    public string Label => "Newsletter.Audience.EventRegistrants";
    public bool RequiresProcess => true;

    public async Task<IReadOnlyList<(string Email, string Culture)>> RecipientsAsync(Guid? processId, CancellationToken ct)
    {
        if (processId is not Guid id)
            return [];
        var rows = await db.Set<Events.EventRegistration>()
            .Where(r => db.Set<Events.Event>().Any(e => e.Id == r.EventId && e.ProcessId == id))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u)
            .Where(u => u.Email != null && u.EmailConfirmed && u.DeletedAt == null && u.BlockedAt == null)
            .Select(u => new { u.Email, u.PreferredCulture }).ToListAsync(ct);
        return rows.Select(r => (r.Email!, r.PreferredCulture)).ToList();
    }
}
