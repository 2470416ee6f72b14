using Agora.Web.Features.Following;
using Agora.Web.Features.Newsletter;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Search;
using Agora.Web.Infrastructure.Web;

namespace Agora.Web.Features.News;

/// <summary>News, the information bulletin and following of processes: one module, registered with one call.</summary>
public static class NewsSetup
{
    public const string ComponentKey = "news";

    public static IServiceCollection AddNews(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new ProcessComponent(ComponentKey, "Process.Tab.News", "news", 20, OnByDefault: true));
        services.AddScoped<NewsAccess>();
        services.AddScoped<Agora.Web.Infrastructure.Demo.IDemoContributor, NewsDemo>();
        services.AddNewsletter(config);
        services.AddFollowing();
        services.AddSearchSource<NewsSearchSource>();
        services.AddApiModule<NewsApi>();
        services.AddCachedPage("/News/Index", "news");
        services.AddScoped<IScaleContributor, NewsScale>();
        services.AddOpenDataset<NewsDataset>();
        services.AddSitemapSource<NewsSitemap>();
        return services;
    }

    public static IEndpointRouteBuilder MapNews(this IEndpointRouteBuilder app) => app.MapNewsFeeds();
}
