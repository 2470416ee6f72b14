using Agora.Web.Infrastructure.Cli;
namespace Agora.Web.Infrastructure.Scale;

/// <summary>The city-scale data generator behind <c>seed scale</c> (issue 12): its people here; each module adds its part as an
/// <see cref="IScaleContributor"/> registered in its own setup, so the generator names no module.</summary>
public static class ScaleSetup
{
    public static IServiceCollection AddScale(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue("Agora:Bench:CountQueries", false))
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, BenchQueryCounter>();
            services.AddSingleton<IStartupFilter, BenchQueryCounter.StartupFilter>();
        }
        services.AddScoped<ScaleSeed>();
        services.AddCliCommand<SeedScaleCommand>();
        services.AddScoped<IScaleContributor, PeopleScale>();
        return services;
    }
}
