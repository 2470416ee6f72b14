using Agora.Web.Features.Account;
using Agora.Web.Features.Api;
using Agora.Web.Features.Budgets;
using Agora.Web.Features.Commitments;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Events;
using Agora.Web.Features.Imports;
using Agora.Web.Features.Learning;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.Needs;
using Agora.Web.Features.News;
using Agora.Web.Features.OpenData;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Pages;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Features.Search;
using Agora.Web.Features.Surveys;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Search;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Agora.Web.Features;

/// <summary>Each module registers its services here and maps its endpoints; Program.cs only calls these two.</summary>
public static class FeatureSetup
{
    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<PublicLinks>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AccountEmails>();
        builder.Services.AddScoped<DemoSeed>();
        builder.Services.AddScoped<ProcessAccess>();
        builder.Services.AddSearchSource<ProcessSearchSource>();
        builder.Services.AddApiModule<ProcessesApi>();
        builder.Services.AddCachedPage("/Processes/Index", "processes");
        builder.Services.AddCachedPage("/Processes/Details", "processes");
        builder.Services.AddScoped<IScaleContributor, ProcessesScale>();
        builder.Services.AddSearchSource<PhaseSearchSource>();
        builder.Services.AddSearchSource<PageSearchSource>();
        builder.Services.AddOpenDataset<ProcessesDataset>();
        builder.Services.AddOpenDataset<PhasesDataset>();
        builder.Services.AddSitemapSource<ProcessSitemap>();
        builder.Services.AddScoped<IDemoContributor, ProcessesDemo>();
        builder.Services.AddScoped<IDemoContributor, FoundationDemo>();
        builder.Services.AddScoped<IDemoContributor, PagesDemo>();
        builder.Services.AddCachedPage("/Pages/Index");
        builder.Services.AddOrganizations();
        builder.Services.AddNews(builder.Configuration);
        builder.Services.AddLearning();
        builder.Services.AddEvents();
        builder.Services.AddConversations();
        builder.Services.AddImports(builder.Configuration);
        builder.Services.AddProposals(builder.Configuration);
        builder.Services.AddWorkshops();
        builder.Services.AddCommitments(builder.Configuration);
        builder.Services.AddResults();
        builder.Services.AddOpenData(builder.Configuration);
        builder.Services.AddSurveys();
        builder.Services.AddMaturity();
        builder.Services.AddApi();
        builder.Services.AddBudgets(builder.Configuration);
        builder.Services.AddSearch(builder.Configuration);
        builder.Services.AddScale(builder.Configuration);
        return builder;
    }

    public static WebApplication MapFeatures(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapRazorPages();
        app.MapNews();
        app.MapEvents();
        app.MapConversations();
        app.MapNeeds();
        app.MapResults();
        app.MapOpenData();
        app.MapProposalFeeds();
        app.MapSurveys();
        app.MapMaturity();
        app.MapApi();
        app.MapSearch();
        return app;
    }
}
