using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Processes;

/// <summary>
/// Who may see and manage a process. Site administrators manage every process; process administrators manage
/// theirs; everyone else sees published processes only. Every module asks here rather than deciding itself.
/// </summary>
public sealed class ProcessAccess(AgoraDb db)
{
    /// <summary>Processes the person may see: published ones, plus drafts they manage.</summary>
    public IQueryable<Process> Visible(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return db.Set<Process>();
        var uid = user.UserId();
        if (uid is not Guid id)
            return db.Set<Process>().Where(p => p.Published);
        // The set in a local, not `db.Set<…>()` inside the lambda: EF evaluates a method call in a query anew on every
        // execution (an interpreted lambda each time), a captured variable it just reads.
        var administrators = db.Set<ProcessAdministrator>();
        return db.Set<Process>().Where(p => p.Published
            || administrators.Any(a => a.ProcessId == p.Id && a.UserId == id));
    }

    /// <summary>Ids of processes visible to the person, for filtering other modules' content (events, news …).</summary>
    public IQueryable<Guid> VisibleIds(ClaimsPrincipal user) => Visible(user).Select(p => p.Id);

    public Task<Process?> FindVisibleAsync(string slug, ClaimsPrincipal user, CancellationToken ct) =>
        Visible(user).AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);

    public async Task<bool> CanManageAsync(ClaimsPrincipal user, Guid processId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return true;
        return user.UserId() is Guid id
            && await db.Set<ProcessAdministrator>().AnyAsync(a => a.ProcessId == processId && a.UserId == id, ct);
    }

    /// <summary>Ids of the processes the person manages (all of them for a site administrator).</summary>
    public IQueryable<Guid> ManagedIds(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return db.Set<Process>().Select(p => p.Id);
        var id = user.UserId() ?? Guid.Empty;
        return db.Set<ProcessAdministrator>().Where(a => a.UserId == id).Select(a => a.ProcessId);
    }
}
