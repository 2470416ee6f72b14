using System.Threading.RateLimiting;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Agora.Web.Features.Newsletter;

public static class NewsletterSetup
{
    public const string RateLimitPolicy = "newsletter";

    public static IServiceCollection AddNewsletter(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<UnsubscribeTokens>();
        services.AddScoped<NewsletterService>();
        services.AddScoped<INewsletterAudience, SubscribersAudience>();
        services.AddScoped<INewsletterAudience, FollowersAudience>();
        services.AddScoped<INewsletterAudience, RepresentativesAudience>();
        services.AddScoped<INewsletterAudience, EventRegistrantsAudience>();
        services.AddScoped<IPersonalDataSource, NewsletterPersonalData>();
        // Sign-ups send e-mail, so they share the account forms' budget per client address; reading the form is free.
        var perMinute = config.GetValue("Agora:RateLimits:AccountPerMinute", 10);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, ctx =>
            HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("n:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("")));
        return services;
    }
}
