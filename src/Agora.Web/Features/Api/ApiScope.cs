using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Features.Api;

/// <summary>What the API may show: what an anonymous visitor sees, whoever asks (it ignores cookies).</summary>
public static class ApiScope
{
    /// <summary>Published processes with the component switched on: <see cref="PublicProcesses.With"/>, the same
    /// definition the pages' feeds, open data and sitemap use.</summary>
    public static IQueryable<Process> ProcessesWith(AgoraDb db, string componentKey) => PublicProcesses.With(db, componentKey);

    /// <summary>The public name of a person, as the pages show it: empty once the account is deleted.</summary>
    public static string? PublicName(string? displayName) => string.IsNullOrWhiteSpace(displayName) ? null : displayName;
}
