using Agora.Web.Infrastructure.Cli;
namespace Agora.Web.Features.Scale;

/// <summary>The city-scale data generator behind <c>seed scale</c> (issue 12). Modules add their part as an <see cref="IScaleContributor"/>.</summary>
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
        services.AddScoped<IScaleContributor, OrganizationsScale>();
        services.AddScoped<IScaleContributor, ProcessesScale>();
        services.AddScoped<IScaleContributor, ProposalsScale>();
        services.AddScoped<IScaleContributor, EventsScale>();
        services.AddScoped<IScaleContributor, DebatesAndNewsScale>();
        services.AddScoped<IScaleContributor, BudgetsScale>();
        services.AddScoped<IScaleContributor, ResultsScale>();
        return services;
    }
}
