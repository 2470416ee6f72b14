using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Features.Api;

/// <summary>What the API may show: what an anonymous visitor sees, whoever asks (it ignores cookies).</summary>
public static class ApiScope
{
    /// <summary>Published processes with the component switched on, as a subquery for content in them.</summary>
    public static IQueryable<Process> ProcessesWith(AgoraDb db, string componentKey)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = "," + componentKey + ",";
        // Components is a comma-separated list of keys; the commas around both make the match exact.
        return db.Set<Process>().Where(p => p.Published && ("," + p.Components + ",").Contains(key));
    }

    /// <summary>The public name of a person, as the pages show it: empty once the account is deleted.</summary>
    public static string? PublicName(string? displayName) => string.IsNullOrWhiteSpace(displayName) ? null : displayName;
}
