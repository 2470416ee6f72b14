using Agora.Web.Features.Demo;
using Agora.Web.Infrastructure.Identity;

namespace Agora.Web.Features.Learning;

public static class LearningSetup
{
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.AddScoped<LearningCatalog>();
        services.AddScoped<SubmitQuiz>();
        services.AddScoped<IPersonalDataSource, LearningPersonalData>();
        services.AddScoped<IDemoContributor, LearningDemo>();
        return services;
    }
}
