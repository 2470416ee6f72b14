using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Processes;

/// <summary>
/// Who may see and manage a process. Site administrators manage every process; process administrators manage
/// theirs — with two-factor sign-in on, where the process asks for it (<see cref="Process.AdministratorsNeedTwoFactor"/>);
/// everyone else sees published processes only. Every module asks here rather than deciding itself.
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
        var withTwoFactor = db.Users.Where(u => u.Id == id && u.TwoFactorEnabled);
        return db.Set<Process>().Where(p => p.Published
            || administrators.Any(a => a.ProcessId == p.Id && a.UserId == id) && (!p.AdministratorsNeedTwoFactor || withTwoFactor.Any()));
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
        return user.UserId() is Guid id && await Managed(id).AnyAsync(p => p == processId, ct);
    }

    /// <summary>Whether the person is one of the process's administrators but may not use it until two-factor sign-in
    /// is on (so the page can send them to set it up rather than refuse).</summary>
    public async Task<bool> WaitsForTwoFactorAsync(ClaimsPrincipal user, Guid processId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId() is Guid id
            && await db.Set<ProcessAdministrator>().AnyAsync(a => a.ProcessId == processId && a.UserId == id, ct)
            && !await Managed(id).AnyAsync(p => p == processId, ct);
    }

    /// <summary>Ids of the processes the person manages (all of them for a site administrator).</summary>
    public IQueryable<Guid> ManagedIds(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdministrator())
            return db.Set<Process>().Select(p => p.Id);
        return Managed(user.UserId() ?? Guid.Empty);
    }

    /// <summary>The processes the person administers and may use that for: all theirs, less those that ask for two-factor
    /// sign-in while theirs is off.</summary>
    private IQueryable<Guid> Managed(Guid userId)
    {
        var withTwoFactor = db.Users.Where(u => u.Id == userId && u.TwoFactorEnabled);
        return db.Set<ProcessAdministrator>().Where(a => a.UserId == userId)
            .Join(db.Set<Process>(), a => a.ProcessId, p => p.Id, (a, p) => p)
            .Where(p => !p.AdministratorsNeedTwoFactor || withTwoFactor.Any())
            .Select(p => p.Id);
    }
}
