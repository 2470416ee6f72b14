using System.Globalization;
using System.Threading.RateLimiting;

namespace Agora.Web.Infrastructure.Web;

/// <summary>Bound from <c>Agora:RateLimits</c>: requests per client (IP address) per minute.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-up, sign-in, password reset and e-mail confirmation resends.</summary>
    public int AccountPerMinute { get; set; } = 10;

    /// <summary>Writes (proposals, comments, votes, public forms …): per person, or per address when anonymous.</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Every request from one client.</summary>
    public int GlobalPerMinute { get; set; } = 600;
}

public static class RateLimits
{
    /// <summary>The policy of the open-data API: <c>Agora:Api:PerMinute</c> requests per client address (default 120).</summary>
    public const string Api = "api";

    public static WebApplicationBuilder AddAgoraRateLimits(this WebApplicationBuilder builder)
    {
        var o = builder.Configuration.GetSection("Agora:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        var apiPerMinute = builder.Configuration.GetValue("Agora:Api:PerMinute", 120);
        builder.Services.AddRateLimiter(r =>
        {
            // The open-data API (/api/v1): its own budget per client address, on top of the global one.
            r.AddPolicy(Api, ctx => Window("api:" + ClientKey(ctx), apiPerMinute));
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Chained: every request counts against the client's global window; account forms and writes
            // also against their own, tighter windows. Only POSTs are limited there, so reading a form is never refused.
            r.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                    // Health probes come from the load balancer and must never be refused.
                    ctx.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                        ? RateLimitPartition.GetNoLimiter("health")
                        : Window("g:" + ClientKey(ctx), o.GlobalPerMinute)),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                    HttpMethods.IsPost(ctx.Request.Method) && IsAccountForm(ctx.Request.Path)
                        ? Window("a:" + ClientKey(ctx), o.AccountPerMinute)
                        : RateLimitPartition.GetNoLimiter("")),
                // Writes: per person when signed in, per address for anonymous forms (join requests, newsletter,
                // feedback, anonymous votes), so no form is an open tap for spam.
                PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                    !HttpMethods.IsPost(ctx.Request.Method)
                        ? RateLimitPartition.GetNoLimiter("")
                        : ctx.User.Identity?.IsAuthenticated == true
                            ? Window("w:" + ctx.User.Identity.Name, o.WritesPerMinute)
                            : Window("wa:" + ClientKey(ctx), o.WritesPerMinute)));
            r.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
                    || ctx.HttpContext.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase))
                {
                    await Agora.Web.Infrastructure.Api.ApiProblems.WriteAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests,
                        "Too many requests from this address; try again after the number of seconds in Retry-After.", ct);
                    return;
                }
                var l = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource>>();
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(l["Error.TooManyRequests"], ct);
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>Forms an attacker would hammer: guessing passwords, creating accounts, sending e-mails.</summary>
    private static readonly string[] AccountForms =
        ["/account/login", "/account/register", "/account/forgot-password", "/account/resend-confirmation", "/account/login-2fa", "/account/login-recovery",
         "/account/reset-password", "/account/manage/email"];

    private static bool IsAccountForm(PathString path) =>
        AccountForms.Any(f => path.StartsWithSegments(f, StringComparison.OrdinalIgnoreCase));

    private static string ClientKey(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
