using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Features.Processes;

/// <summary>
/// The one definition of the processes anyone may read, and of those with a component switched on: every dataset, feed,
/// the sitemap and the API start from these, so that drafts stay out of all of them in the same way.
/// </summary>
public static class PublicProcesses
{
    public static IQueryable<Process> All(AgoraDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Process>().Where(p => p.Published);
    }

    /// <summary>Published processes with the component switched on, as a subquery for content in them.</summary>
    public static IQueryable<Process> With(AgoraDb db, string componentKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = "," + componentKey + ",";
        // Components is a comma-separated list of keys; the commas around both make the match exact.
        return db.Set<Process>().Where(p => p.Published && ("," + p.Components + ",").Contains(key));
    }
}
