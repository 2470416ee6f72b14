using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// Which reverse proxies may tell the app the client's address and scheme (X-Forwarded-For, X-Forwarded-Proto).
/// Only the networks an operator lists; none when the list is empty, not even loopback: a client that reaches the
/// node from the same host must not pick its own address to slip past the per-IP rate limits.
/// </summary>
public static class ProxyNetworks
{
    public const string Key = "Agora:Proxy:KnownNetworks";

    public static void Configure(ForwardedHeadersOptions options, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var network in config.GetSection(Key).Get<string[]>() ?? [])
        {
            // ProductionSettings names a bad entry before the node starts; in Development it is skipped.
            if (IPNetwork.TryParse(network, out var parsed))
                options.KnownIPNetworks.Add(parsed);
        }
        // With both lists empty the middleware would trust every sender, so no list means no forwarded header at all.
        options.ForwardedHeaders = options.KnownIPNetworks.Count == 0 ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    }

    /// <summary>
    /// After UseForwardedHeaders: a request that still carries X-Forwarded-Proto came through a proxy the app does not
    /// trust. Said once in the log, since the usual cause is a missing Agora:Proxy:KnownNetworks, which behind a TLS
    /// proxy makes every request look like plain HTTP and sends it round the HTTPS redirect.
    /// </summary>
    public static IApplicationBuilder UseUntrustedProxyWarning(this IApplicationBuilder app)
    {
        var warned = 0;
        return app.Use(async (context, next) =>
        {
            if (context.Request.Headers.ContainsKey("X-Forwarded-Proto") && Interlocked.Exchange(ref warned, 1) == 0)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProxyNetworks))
                    .LogWarning("X-Forwarded-Proto from {Address} was ignored: that address is not in {Setting}. Behind a reverse proxy, list its network there (e.g. 127.0.0.1/32).",
                        context.Connection.RemoteIpAddress, Key);
            }
            await next(context);
        });
    }
}
