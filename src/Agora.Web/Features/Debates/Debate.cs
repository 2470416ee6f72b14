using System.Security.Claims;
using Agora.Web.Features.Comments;
using Agora.Web.Features.Moderation;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Api;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.OpenData;
using Agora.Web.Infrastructure.Scale;
using Agora.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Debates;

/// <summary>A debate (дебат): a question opened in a process, discussed in comments, closed with a conclusion.</summary>
public sealed class Debate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public Guid AuthorId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown, rendered sanitised.</summary>
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int CommentCount { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedById { get; set; }
    public string? Conclusion { get; set; }
    public DateTime? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
}

/// <summary>Per process: whether citizens may open debates (administrators always may).</summary>
public sealed class DebateSettings
{
    public Guid ProcessId { get; set; }
    public bool CitizensMayOpen { get; set; }
}

public sealed class DebateConfiguration : IEntityTypeConfiguration<Debate>
{
    public void Configure(EntityTypeBuilder<Debate> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Body).HasMaxLength(20_000);
        builder.Property(d => d.Conclusion).HasMaxLength(10_000);
        builder.Property(d => d.HiddenReason).HasMaxLength(500);
        builder.HasIndex(d => new { d.ProcessId, d.CreatedAt });
        builder.HasOne<Process>().WithMany().HasForeignKey(d => d.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(d => d.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DebateSettingsConfiguration : IEntityTypeConfiguration<DebateSettings>
{
    public void Configure(EntityTypeBuilder<DebateSettings> builder)
    {
        builder.HasKey(s => s.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<DebateSettings>(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Debates take comments until they are closed.</summary>
public sealed class DebateCommentTarget(AgoraDb db, ProcessAccess access) : ICommentTarget
{
    public const string TypeName = "debate";
    public const string Key = "debates";

    public string Type => TypeName;

    public async Task<CommentTargetInfo?> FindAsync(Guid id, ClaimsPrincipal reader, CancellationToken ct)
    {
        var row = await db.Set<Debate>().AsNoTracking().Where(d => d.Id == id)
            .Join(access.Visible(reader), d => d.ProcessId, p => p.Id, (d, p) => new { d, p.Slug, p.Components, ProcessId = p.Id })
            .FirstOrDefaultAsync(ct);
        if (row == null || !new Process { Components = row.Components }.Has(Key))
            return null;
        var closed = row.d.ClosedAt != null ? "Debates.Closed" : row.d.HiddenAt != null ? "Proposals.Refused.NotOpen" : null;
        return new CommentTargetInfo($"/processes/{row.Slug}/debates/{id}", row.d.Title, closed, [row.d.AuthorId],
            await access.CanManageAsync(reader, row.ProcessId, ct));
    }

    public Task RecountAsync(Guid id, CancellationToken ct) =>
        db.Set<Debate>().Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CommentCount,
            d => db.Set<Comment>().Count(c => c.TargetType == TypeName && c.TargetId == d.Id && c.DeletedAt == null && c.HiddenAt == null)), ct);
}

public sealed class DebateModeration(AgoraDb db, ProcessAccess access) : IModeratedContent
{
    public string Type => DebateCommentTarget.TypeName;

    public async Task<Dictionary<Guid, ModeratedItem>> FindAsync(IReadOnlyCollection<Guid> ids, ClaimsPrincipal? reader, CancellationToken ct)
    {
        var processes = reader == null ? db.Set<Process>() : access.Visible(reader);
        return await db.Set<Debate>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .Join(processes, d => d.ProcessId, p => p.Id, (d, p) => new ModeratedItem(d.Id, d.AuthorId, d.Title,
                "/processes/" + p.Slug + "/debates/" + d.Id, d.HiddenAt, d.HiddenReason))
            .ToDictionaryAsync(x => x.Id, ct);
    }

    public Task SetHiddenAsync(Guid id, DateTime? hiddenAt, string? reason, CancellationToken ct) =>
        db.Set<Debate>().Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.HiddenAt, hiddenAt).SetProperty(d => d.HiddenReason, reason), ct);
}

public static class DebatesSetup
{
    public static IServiceCollection AddDebates(this IServiceCollection services)
    {
        services.AddSingleton(new ProcessComponent(DebateCommentTarget.Key, "Process.Tab.Debates", "debates", 40));
        services.AddScoped<ICommentTarget, DebateCommentTarget>();
        services.AddScoped<IModeratedContent, DebateModeration>();
        services.AddScoped<IStoredCounters, DebateCounters>();
        services.AddSearchSource<DebateSearchSource>();
        services.AddApiModule<DebatesApi>();
        services.AddScoped<IScaleContributor, DebatesScale>();
        services.AddOpenDataset<DebatesDataset>();
        services.AddSitemapSource<DebateSitemap>();
        return services;
    }
}
