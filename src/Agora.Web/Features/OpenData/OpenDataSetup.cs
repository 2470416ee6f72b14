using System.Globalization;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Web;
using Microsoft.Net.Http.Headers;

namespace Agora.Web.Features.OpenData;

/// <summary>Open data: the datasets and their files, the DCAT-AP catalogue, the sitemap and robots.txt.</summary>
public static class OpenDataSetup
{
    public const string TurtleType = "text/turtle; charset=utf-8";
    public const string JsonLdType = "application/ld+json";

    public static IServiceCollection AddOpenData(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<OpenDataOptions>(config.GetSection("Agora:OpenData"));
        services.AddSingleton<Pseudonyms>();
        services.AddSingleton<OpenDataStore>();
        if (config.GetValue("Agora:OpenData:WorkerEnabled", true))
            services.AddHostedService<OpenDataWorker>();
        return services;
    }

    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/open-data/catalog.ttl", GetOrHead, (OpenDataStore store, PublicLinks links, TimeProvider clock) =>
            Results.Text(Catalog(store, links, clock).ToTurtle(), TurtleType));
        app.MapMethods("/open-data/catalog.jsonld", GetOrHead, (OpenDataStore store, PublicLinks links, TimeProvider clock) =>
            Results.Bytes(Catalog(store, links, clock).ToJsonLd(), JsonLdType));
        app.MapMethods("/open-data/{name}.{format}", GetOrHead, async (string name, string format, OpenDataStore store, HttpContext http, CancellationToken ct) =>
        {
            if (store.Find(name) is not { } dataset || OpenDataFormat.Find(format) is not { } f)
                return Results.NotFound();
            // Normally the worker has written the file; on a new node it is written now, once, then served.
            var file = await store.GetOrCreateAsync(dataset, f, ct);
            http.Response.Headers.CacheControl = "public,max-age=3600";
            var etag = new EntityTagHeaderValue($"\"{file.Size.ToString("x", CultureInfo.InvariantCulture)}-{file.Modified.Ticks.ToString("x", CultureInfo.InvariantCulture)}\"");
            var contentType = f == OpenDataFormat.Csv ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8";
            // Streamed from disk by the server (Content-Length, Last-Modified, ETag, conditional and range requests).
            return Results.File(file.Path, contentType, $"agora-{dataset.Name}.{f.Extension}", new DateTimeOffset(file.Modified, TimeSpan.Zero), etag, enableRangeProcessing: true);
        });
        app.MapSitemap();
        return app;
    }

    private static RdfGraph Catalog(OpenDataStore store, PublicLinks links, TimeProvider clock)
    {
        var root = links.Absolute("/").TrimEnd('/');
        var datasets = store.Datasets
            .Select(d => (d, (IReadOnlyDictionary<OpenDataFormat, OpenDataFile?>)OpenDataFormat.All.ToDictionary(f => f, f => store.Existing(d, f))))
            .ToList();
        return DcatCatalog.Build(root, datasets, clock.GetUtcNow().UtcDateTime);
    }
}
