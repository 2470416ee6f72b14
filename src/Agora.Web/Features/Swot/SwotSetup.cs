using Agora.Web.Features.Needs;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Swot;

public static class SwotSetup
{
    /// <summary>SWOT boards, with the shared workshop participation rules and the needs list that builds on them.</summary>
    public static IServiceCollection AddWorkshops(this IServiceCollection services)
    {
        services.AddSingleton(new ProcessComponent(SwotService.Key, "Process.Tab.Swot", "swot", 60));
        services.AddScoped<WorkshopParticipation>();
        services.AddScoped<SwotService>();
        services.AddOpenDataset<SwotItemsDataset>();
        services.AddOpenDataset<SwotDotsDataset>();
        services.AddScoped<IDemoContributor, WorkshopsDemo>();
        services.AddScoped<Infrastructure.Identity.IPersonalDataSource, WorkshopsPersonalData>();
        services.AddNeeds();
        services.AddSearchSource<SwotItemSearchSource>();
        services.AddApiModule<SwotApi>();
        return services;
    }
}
