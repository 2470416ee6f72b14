using Agora.Web.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Agora.Web.Features.Search;

public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection("Agora:Search"));
        services.AddSingleton(sp => new SearchIndex(sp.GetRequiredService<IOptions<SearchOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<Infrastructure.Search.ISearchRebuild>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<SearchTriggers>();
        services.AddSingleton<IInterceptor, SearchChangeInterceptor>();
        services.AddScoped<SearchService>();
        services.AddHostedService<SearchWorker>();
        services.AddCliCommand<SearchRebuildCommand>();
        return services;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapGet("/search/suggest", async (string? q, SearchService search, HttpContext http, CancellationToken ct) =>
        {
            var items = await search.SuggestAsync(q, http.User, ct);
            return Results.Json(items.Select(i => new { title = i.Title, url = i.Url }));
        });
        return app;
    }
}
