using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Following;

public static class FollowingSetup
{
    public static IServiceCollection AddFollowing(this IServiceCollection services)
    {
        services.AddScoped<FollowerMail>();
        services.AddScoped<IEventPublishedHandler, FollowEventHandler>();
        services.AddScoped<IPersonalDataSource, FollowingPersonalData>();
        return services;
    }
}

/// <summary>The processes the person follows.</summary>
public sealed class FollowingPersonalData(AgoraDb db) : IPersonalDataSource
{
    public string Section => "following";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct) =>
        await db.Set<ProcessFollower>().AsNoTracking().Where(f => f.UserId == userId)
            .Join(db.Set<Process>(), f => f.ProcessId, p => p.Id, (f, p) => new { process = p.Slug, title = p.Title.Bg, since = f.CreatedAt })
            .ToListAsync(ct);
}
