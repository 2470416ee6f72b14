using Agora.Web.Features.Demo;
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
        services.AddSearchSource<CourseSearchSource>();
        services.AddOpenDataset<GuidesDataset>();
        services.AddSitemapSource<LearningSitemap>();
        return services;
    }
}
