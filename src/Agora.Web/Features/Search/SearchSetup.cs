using Agora.Web.Features.Search.Sources;
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
        services.AddSingleton<SearchTriggers>();
        services.AddSingleton<IInterceptor, SearchChangeInterceptor>();
        services.AddScoped<SearchService>();
        services.AddHostedService<SearchWorker>();
        services.AddSearchSource<ProcessSearchSource>();
        services.AddSearchSource<PhaseSearchSource>();
        services.AddSearchSource<EventSearchSource>();
        services.AddSearchSource<NewsSearchSource>();
        services.AddSearchSource<OrganizationSearchSource>();
        services.AddSearchSource<PageSearchSource>();
        services.AddSearchSource<GuideSearchSource>();
        services.AddSearchSource<CourseSearchSource>();
        services.AddSearchSource<ProposalSearchSource>();
        services.AddSearchSource<DebateSearchSource>();
        services.AddSearchSource<CommentSearchSource>();
        services.AddSearchSource<SwotItemSearchSource>();
        services.AddSearchSource<NeedSearchSource>();
        services.AddSearchSource<CommitmentSearchSource>();
        services.AddSearchSource<SurveySearchSource>();
        return services;
    }

    /// <summary>Makes a module's items searchable: one line in the module's setup (see README.md).</summary>
    public static IServiceCollection AddSearchSource<T>(this IServiceCollection services) where T : class, ISearchSource =>
        services.AddSingleton<ISearchSource, T>();

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
