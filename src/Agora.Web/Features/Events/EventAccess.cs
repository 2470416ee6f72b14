using System.Security.Claims;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Events;

/// <summary>
/// Who sees and manages which events. Published events of visible processes (and published stand-alone events) are
/// public; drafts are seen only by those who manage them: process administrators for their processes' events, site
/// administrators for every event. Pages, lists, feeds and exports all ask here.
/// </summary>
public sealed class EventAccess(AgoraDb db, ProcessAccess processes)
{
    /// <summary>Events the person may see.</summary>
    public IQueryable<Event> Visible(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return db.Set<Event>();
        var visible = processes.VisibleIds(user);
        var managed = processes.ManagedIds(user);
        return db.Set<Event>().Where(e =>
            (e.Published && (e.ProcessId == null || visible.Contains(e.ProcessId.Value)))
            || (e.ProcessId != null && managed.Contains(e.ProcessId.Value)));
    }

    /// <summary>What anyone may see, signed in or not: the feeds, which calendar apps fetch without cookies.</summary>
    public IQueryable<Event> Public() =>
        db.Set<Event>().Where(e => e.Published
            && (e.ProcessId == null || db.Set<Process>().Any(p => p.Id == e.ProcessId && p.Published)));

    /// <summary>Site administrators manage every event; process administrators the events of their processes.</summary>
    public async Task<bool> CanManageAsync(ClaimsPrincipal user, Guid? processId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return true;
        return processId is Guid id && await processes.CanManageAsync(user, id, ct);
    }
}
