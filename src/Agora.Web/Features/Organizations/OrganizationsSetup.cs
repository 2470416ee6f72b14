using System.Threading.RateLimiting;
using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Search;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Agora.Web.Features.Organizations;

public static class OrganizationsSetup
{
    /// <summary>The anonymous-friendly join form: limited per client like the account forms, POSTs only.</summary>
    public const string JoinRateLimit = "organizations-join";

    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<OrganizationMembership>();
        services.AddScoped<OrganizationEmails>();
        services.AddScoped<JoinInvitations>();
        services.AddScoped<IEventPublishedHandler, InviteOrganizationsOnPublish>();
        services.AddScoped<IOrganizationHistorySource, EventHistorySource>();
        services.AddScoped<IOrganizationHistorySource, ProcessHistorySource>();
        services.AddScoped<IPersonalDataSource, OrganizationsPersonalData>();
        services.AddScoped<IDemoContributor, OrganizationsDemo>();
        services.AddSingleton(new ProcessComponent("organizations", "Organizations.Tab", "organizations", 40, OnByDefault: true));

        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
        {
            var limits = config.GetSection("Agora:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
            o.AddPolicy(JoinRateLimit, ctx =>
            {
                if (!HttpMethods.IsPost(ctx.Request.Method))
                    return RateLimitPartition.GetNoLimiter("");
                // Anonymous requests send an e-mail to any address typed in: as tight as the account forms.
                var signedIn = ctx.User.Identity?.IsAuthenticated == true;
                var key = signedIn ? "u:" + ctx.User.Identity!.Name : "ip:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                var permits = signedIn ? limits.WritesPerMinute : limits.AccountPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRouteModelConvention("/Organizations/Join", m =>
        {
            foreach (var selector in m.Selectors)
                selector.EndpointMetadata.Add(new EnableRateLimitingAttribute(JoinRateLimit));
        }));
        services.AddSearchSource<OrganizationSearchSource>();
        services.AddApiModule<OrganizationsApi>();
        services.AddCachedPage("/Organizations/Index", "organizations");
        services.AddScoped<IScaleContributor, OrganizationsScale>();
        services.AddOpenDataset<OrganizationsDataset>();
        services.AddSitemapSource<OrganizationSitemap>();
        return services;
    }
}
