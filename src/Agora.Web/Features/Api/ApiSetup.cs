using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Diagnostics;

namespace Agora.Web.Features.Api;

/// <summary>
/// The read-only open-data API at /api/v1 and its OpenAPI document at /openapi/v1.json. Shared mechanics live here
/// (paging, ETags, problem details, CORS, the rate limit); each module owns its kinds' shapes and queries.
/// </summary>
public static class ApiSetup
{
    public const string CorsPolicy = "api";

    /// <summary>Every kind the registered modules serve (<see cref="ApiModuleSetup.AddApiModule{T}"/>), in order.</summary>
    public static IReadOnlyList<ApiKind> Kinds(IServiceProvider services) => [.. services.GetServices<IApiModule>().SelectMany(m => m.Kinds)];

    public static IServiceCollection AddApi(this IServiceCollection services) =>
        // Open data: any site may read it from a browser; no cookies are sent or honoured.
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD")
            .WithHeaders("If-None-Match", "Accept").WithExposedHeaders("ETag", "Link", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplication MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .AllowAnonymous()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimits.Api)
            .CacheAnonymousReads(app.Services, "api")
            .AddEndpointFilter(async (context, next) =>
            {
                // Errors are problem details, not the HTML error pages the rest of the site re-executes to.
                if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
                    pages.Enabled = false;
                try
                {
                    return await next(context);
                }
                catch (ApiProblemException e)
                {
                    return ApiProblems.Result(e.Status, e.Message);
                }
            });
        foreach (var module in app.Services.GetServices<IApiModule>())
            module.Map(api);

        // Anything else under /api/v1 (an unknown kind, an id that is not a UUID, a write): problem details too.
        app.MapFallback("/api/v1/{**rest}", (HttpContext http) =>
            {
                if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
                    pages.Enabled = false;
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                    return ApiProblems.Result(StatusCodes.Status404NotFound, "No such resource in this API; /openapi/v1.json lists them.");
                http.Response.Headers.Allow = "GET, HEAD";
                return ApiProblems.Result(StatusCodes.Status405MethodNotAllowed, "The API is read-only: only GET and HEAD.");
            })
            .AllowAnonymous().RequireCors(CorsPolicy).RequireRateLimiting(RateLimits.Api);

        var kinds = Kinds(app.Services);
        app.MapMethods("/openapi/v1.json", GetOrHead, (PublicLinks links) =>
                new ApiJsonResult(new RawJson(OpenApiDocument.Json(links.Absolute("/api/v1"), kinds))))
            .AllowAnonymous().RequireCors(CorsPolicy).RequireRateLimiting(RateLimits.Api);
        return app;
    }
}
