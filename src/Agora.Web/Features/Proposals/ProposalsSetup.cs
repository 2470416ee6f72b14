using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Moderation;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Search;
using Agora.Web.Infrastructure.Web;

namespace Agora.Web.Features.Proposals;

public static class ProposalsSetup
{
    /// <summary>Proposals with the shared mechanisms they brought: comments, reports and moderation, notifications.</summary>
    public static IServiceCollection AddProposals(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<IStoredCounters, ProposalCounters>();
        services.AddSingleton(new ProcessComponent(ProposalService.Key, "Process.Tab.Proposals", "proposals", 30));
        services.Configure<ProposalOptions>(config.GetSection("Agora:Proposals"));
        services.Configure<CommentOptions>(config.GetSection("Agora:Comments"));
        services.Configure<ModerationOptions>(config.GetSection("Agora:Moderation"));
        services.AddMemoryCache();
        services.AddScoped<ProposalService>();
        services.AddSingleton<ProposalScopeWatch>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<ProposalScopeWatch>());
        services.AddSingleton(new VerifiableAction(ProposalService.SupportAction, "Verification.Action.ProposalsSupport", false));
        services.AddSingleton(new VerifiableAction(ProposalService.CreateAction, "Verification.Action.ProposalsCreate", false));
        services.AddScoped<ProposalCommentTarget>();
        services.AddScoped<ICommentTarget>(sp => sp.GetRequiredService<ProposalCommentTarget>());
        services.AddScoped<CommentService>();
        services.AddScoped<IStoredCounters, CommentCounters>();
        services.AddScoped<ModerationService>();
        services.AddScoped<IModeratedContent, ProposalModeration>();
        services.AddScoped<IModeratedContent, CommentModeration>();
        services.AddScoped<Notifier>();
        services.AddScoped<DigestSender>();
        services.AddScoped<Participants>();
        if (config.GetValue("Agora:Notifications:DigestWorkerEnabled", true))
            services.AddHostedService<DigestWorker>();
        services.AddScoped<IDemoContributor, ProposalsDemo>();
        services.AddDebates();
        services.AddSearchSource<ProposalSearchSource>();
        services.AddApiModule<ProposalsApi>();
        services.AddCachedPage("/Proposals/Index", "processes", "proposals");
        services.AddCachedPage("/Proposals/Details", "processes", "proposals", "comments");
        services.AddScoped<IScaleContributor, ProposalsScale>();
        services.AddApiModule<Comments.CommentsApi>();
        services.AddSearchSource<CommentSearchSource>();
        services.AddOpenDataset<ProposalsDataset>();
        services.AddOpenDataset<CommentsDataset>();
        services.AddSitemapSource<ProposalSitemap>();
        return services;
    }
}
