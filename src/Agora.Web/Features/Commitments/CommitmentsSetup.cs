using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agora.Web.Features.Commitments;

public static class CommitmentsSetup
{
    /// <summary>The register of commitments: a process tab, a section of organisation profiles and overdue reminders.</summary>
    public static IServiceCollection AddCommitments(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<IStoredCounters, CommitmentCounters>();
        services.AddSingleton(new ProcessComponent(CommitmentService.Key, "Process.Tab.Commitments", CommitmentService.Segment, 45));
        services.Configure<CommitmentOptions>(config.GetSection("Agora:Commitments"));
        services.AddScoped<CommitmentService>();
        services.AddOpenDataset<CommitmentsDataset>();
        services.AddScoped<CommitmentReminders>();
        // The needs module replaces this with its own source.
        services.TryAddScoped<ICommitmentNeedSource, NoCommitmentNeeds>();
        services.AddScoped<IOrganizationHistorySource, CommitmentHistorySource>();
        services.AddScoped<IPersonalDataSource, CommitmentsPersonalData>();
        services.AddScoped<IDemoContributor, CommitmentsDemo>();
        if (config.GetValue("Agora:Commitments:ReminderWorkerEnabled", true))
            services.AddHostedService<CommitmentReminderWorker>();
        // One form for pledging and editing: /processes/{slug}/commitments/new and …/{id}/edit.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Commitments/Edit", "/processes/{slug}/commitments/new"));
        services.AddSearchSource<CommitmentSearchSource>();
        services.AddApiModule<CommitmentsApi>();
        return services;
    }
}
