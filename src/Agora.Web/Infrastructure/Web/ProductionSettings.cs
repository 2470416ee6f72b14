using System.Net;

namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// What a node outside Development refuses to start without. Each problem is one line naming the setting, its
/// environment-variable spelling and what to put there, so an operator fixes them all in one go instead of meeting a
/// 500 (or, worse, a silently weaker node: reset links built from a forged Host header, a census hash with a known key,
/// pseudonyms derived from a key that rotates, a demo database created beside the binaries).
/// </summary>
public static class ProductionSettings
{
    /// <summary>The shortest secret accepted for the HMAC keys (characters).</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>Problems with the configuration; empty when the node may start. Development is never checked.</summary>
    /// <param name="serving">False for the maintenance commands (migrate, backup …), which need only the database.</param>
    /// <param name="seeding">True for `seed …`, which also needs the keys (the demo verifies residents).</param>
    public static IReadOnlyList<string> Problems(IConfiguration config, IHostEnvironment env, bool serving, bool seeding = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(env);
        if (env.IsDevelopment())
            return [];
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(config.GetConnectionString("Agora")))
            problems.Add(Missing("ConnectionStrings:Agora",
                "the database: Host=…;Database=agora;Username=agora;Password=… with Agora__Database__Provider=Postgres, or Data Source=/var/lib/agora/agora.db for SQLite"));
        foreach (var network in config.GetSection(ProxyNetworks.Key).Get<string[]>() ?? [])
        {
            if (!IPNetwork.TryParse(network, out _))
                problems.Add($"{ProxyNetworks.Key} has '{network}', which is not a network in CIDR form (e.g. 127.0.0.1/32 or 10.0.0.0/24).");
        }
        if (!serving && !seeding)
            return problems;

        if (serving)
            CheckPublicUrl(problems, config["Agora:PublicUrl"]);
        CheckKey(problems, config, "Agora:Verification:CensusKey", "the secret that keys the census hashes");
        CheckKey(problems, config, "Agora:OpenData:PseudonymKey", "the secret that keys the authors' pseudonyms in open data");
        return problems;
    }

    private static void CheckPublicUrl(List<string> problems, string? publicUrl)
    {
        if (string.IsNullOrWhiteSpace(publicUrl))
            problems.Add(Missing("Agora:PublicUrl", "the address residents use, e.g. https://agora.sofia.bg (links in e-mails and feeds are built from it)"));
        else if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Query.Length > 0)
            problems.Add($"Agora:PublicUrl is '{publicUrl}': it must be an absolute https:// address without a query, e.g. https://agora.sofia.bg.");
    }

    private static void CheckKey(List<string> problems, IConfiguration config, string key, string what)
    {
        var value = config[key];
        if (string.IsNullOrWhiteSpace(value))
            problems.Add(Missing(key, $"{what}: a random string of at least {MinimumKeyLength} characters (openssl rand -base64 48); keep it, changing it later breaks what was hashed with it"));
        else if (value.Trim().Length < MinimumKeyLength)
            problems.Add($"{key} is {value.Trim().Length} characters long: use at least {MinimumKeyLength} (openssl rand -base64 48).");
    }

    private static string Missing(string key, string what) =>
        $"{key} is not set (environment: {key.Replace(":", "__", StringComparison.Ordinal)}): {what}.";
}
