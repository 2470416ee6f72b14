using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Learning;

public static class LearningSetup
{
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.AddScoped<LearningCatalog>();
        services.AddScoped<SubmitQuiz>();
        services.AddScoped<IPersonalDataSource, LearningPersonalData>();
        services.AddScoped<IDemoContributor, LearningDemo>();
        services.AddSearchSource<GuideSearchSource>();
        services.AddApiModule<LearningApi>();
        services.AddSearchSource<CourseSearchSource>();
        services.AddOpenDataset<GuidesDataset>();
        services.AddSitemapSource<LearningSitemap>();
        return services;
    }
}
