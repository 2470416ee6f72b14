using Agora.Web.Features.Processes;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Search;

namespace Agora.Web.Features.Budgets;

public static class BudgetsSetup
{
    /// <summary>Participatory budgets as a process component, with resident verification, which their vote needs.</summary>
    public static IServiceCollection AddBudgets(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<IStoredCounters, BudgetCounters>();
        services.AddVerification(config);
        services.AddSingleton(new ProcessComponent(BudgetService.Key, "Process.Tab.Budgets", "budgets", 47));
        services.AddSingleton(new VerifiableAction(BudgetService.VoteAction, "Verification.Action.BudgetsVote", true, Locked: true));
        services.AddSingleton(new VerifiableAction(BudgetService.SubmitAction, "Verification.Action.BudgetsSubmit", false));
        services.AddScoped<BudgetService>();
        services.AddScoped<Comments.ICommentTarget, ProjectCommentTarget>();
        services.AddScoped<IDemoContributor, BudgetsDemo>();
        services.AddScoped<Infrastructure.Identity.IPersonalDataSource, BudgetsPersonalData>();
        services.AddOpenDataset<BudgetsDataset>();
        services.AddOpenDataset<BudgetProjectsDataset>();
        services.AddSearchSource<BudgetProjectSearchSource>();
        services.AddApiModule<BudgetsApi>();
        services.AddScoped<IScaleContributor, BudgetsScale>();
        services.AddScoped<IResultOrigin, BudgetProjectResultOrigin>();
        return services;
    }
}
