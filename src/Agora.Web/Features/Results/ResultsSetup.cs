using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.ResultTracking;

public static class ResultsSetup
{
    /// <summary>Implementation tracking: a process tab, the city-wide tracker at /results, and the origin kinds
    /// results can come from. Other modules add their own kinds with <c>services.AddScoped&lt;IResultOrigin, …&gt;()</c>.</summary>
    public static IServiceCollection AddResults(this IServiceCollection services)
    {
        services.AddScoped<IStoredCounters, ResultCounters>();
        services.AddSingleton(new ProcessComponent(ResultService.Key, "Process.Tab.Results", ResultService.Segment, 90));
        services.AddScoped<ResultService>();
        services.AddScoped<ResultMail>();
        services.AddScoped<ResultOrigins>();
        services.AddScoped<IResultOrigin, ProposalResultOrigin>();
        services.AddScoped<IResultOrigin, NeedResultOrigin>();
        services.AddScoped<IResultOrigin, CommitmentResultOrigin>();
        services.AddOpenDataset<ResultsDataset>();
        services.AddSearchSource<ResultSearchSource>();
        services.AddApiModule<ResultsApi>();
        services.AddScoped<IScaleContributor, ResultsScale>();
        services.AddScoped<IPersonalDataSource, ResultsPersonalData>();
        services.AddScoped<IDemoContributor, ResultsDemo>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Results/Index", "/processes/{slug}/results");
            o.Conventions.AddPageRoute("/Results/Edit", "/processes/{slug}/results/new");
        });
        return services;
    }
}

/// <summary>The results a person follows and the updates they posted, for "download my data".</summary>
public sealed class ResultsPersonalData(Infrastructure.Data.AgoraDb db) : IPersonalDataSource
{
    public string Section => "results";

    public async Task<object?> CollectAsync(Guid userId, CancellationToken ct) => new
    {
        following = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<ResultFollower>().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAt).Select(f => new { f.ResultId, f.CreatedAt }), ct),
        updates = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Set<ResultUpdate>().Where(u => u.AuthorId == userId).OrderBy(u => u.CreatedAt)
                .Select(u => new { u.ResultId, textBg = u.Text.Bg, textEn = u.Text.En, u.CreatedAt }), ct),
    };
}
