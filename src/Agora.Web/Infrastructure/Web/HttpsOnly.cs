namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// Outside Development every page is served over HTTPS: a plain-HTTP request is redirected to the same path under
/// Agora:PublicUrl (308 keeps a form's method and body). Without it the secure-only cookies made form pages fail.
/// The health checks answer on plain HTTP, for a balancer that probes the node directly.
/// </summary>
public static class HttpsOnly
{
    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var publicUrl = config["Agora:PublicUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : null;
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.IsHttps || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var root = publicUrl ?? $"https://{request.Host}{request.PathBase}";
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = root + request.Path + request.QueryString;
        });
    }
}
