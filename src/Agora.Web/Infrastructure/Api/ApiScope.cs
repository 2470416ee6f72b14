namespace Agora.Web.Infrastructure.Api;

/// <summary>What the API may show: what an anonymous visitor sees, whoever asks (it ignores cookies). Which items are
/// public is each module's own definition (on processes: <c>PublicProcesses</c> in the Processes kernel).</summary>
public static class ApiScope
{
    /// <summary>The public name of a person, as the pages show it: empty once the account is deleted.</summary>
    public static string? PublicName(string? displayName) => string.IsNullOrWhiteSpace(displayName) ? null : displayName;
}
