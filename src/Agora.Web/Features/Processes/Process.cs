using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Processes;

public enum ProcessStatus
{
    Upcoming,
    Active,
    Past,
}

/// <summary>
/// A participatory process (процес на участие): the frame in which a municipality asks the city something.
/// Modules (events, news, proposals, conversations …) attach to it as components.
/// </summary>
public sealed class Process
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Subtitle { get; set; } = new();
    /// <summary>One or two sentences, plain text: lists and cards show it.</summary>
    public LocalizedText Summary { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    /// <summary>Theme or track, e.g. "Електронно управление и гражданско участие".</summary>
    public LocalizedText Theme { get; set; } = new();
    /// <summary>A short call shown large at the top of the process page.</summary>
    public LocalizedText HeroText { get; set; } = new();
    /// <summary>District keys (<see cref="Districts"/>) separated by commas; empty means the whole city.</summary>
    public string Scope { get; set; } = "";
    /// <summary>First and last day, as Sofia calendar dates.</summary>
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>Keys of the components (<see cref="ProcessComponent"/>) switched on for this process, comma-separated.</summary>
    public string Components { get; set; } = "";
    public bool Published { get; set; }
    /// <summary>The process's own administrators use their powers only with two-factor sign-in on (as staff always do);
    /// set by a site administrator for processes whose managers handle personal data or money.</summary>
    public bool AdministratorsNeedTwoFactor { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Phase> Phases { get; set; } = [];

    public IReadOnlyList<string> ScopeDistricts =>
        Scope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsCityWide => ScopeDistricts.Count == 0;

    public bool Has(string componentKey) =>
        Components.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(componentKey);

    public ProcessStatus StatusOn(DateOnly today) =>
        today < StartsOn ? ProcessStatus.Upcoming : today > EndsOn ? ProcessStatus.Past : ProcessStatus.Active;
}

/// <summary>A phase (етап) of a process. At most one phase of a process is current; modules read their per-phase
/// switches (e.g. "proposals may be created") from the current phase.</summary>
public sealed class Phase
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public int Position { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public bool IsCurrent { get; set; }
}

/// <summary>A person who manages one process (its phases, events, news, components) without being a site administrator.</summary>
public sealed class ProcessAdministrator
{
    public Guid ProcessId { get; set; }
    public Guid UserId { get; set; }
    public DateTime GrantedAt { get; set; }
}

/// <summary>A signed-in person who asked to be told by e-mail about new events and news of a process.</summary>
public sealed class ProcessFollower
{
    public Guid ProcessId { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class ProcessConfiguration : IEntityTypeConfiguration<Process>
{
    public void Configure(EntityTypeBuilder<Process> builder)
    {
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(200);
        builder.Property(p => p.Scope).HasMaxLength(1000);
        builder.Property(p => p.Components).HasMaxLength(500);
        builder.Localized(p => p.Title, 300);
        builder.Localized(p => p.Subtitle, 300);
        builder.Localized(p => p.Summary, 1000);
        builder.Localized(p => p.Description);
        builder.Localized(p => p.Theme, 300);
        builder.Localized(p => p.HeroText, 500);
        builder.HasIndex(p => new { p.Published, p.StartsOn });
        builder.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> builder)
    {
        builder.Localized(p => p.Title, 300);
        builder.Localized(p => p.Description);
        builder.HasIndex(p => new { p.ProcessId, p.Position });
    }
}

public sealed class ProcessAdministratorConfiguration : IEntityTypeConfiguration<ProcessAdministrator>
{
    public void Configure(EntityTypeBuilder<ProcessAdministrator> builder)
    {
        builder.HasKey(a => new { a.ProcessId, a.UserId });
        builder.HasIndex(a => a.UserId);
        builder.HasOne<Process>().WithMany().HasForeignKey(a => a.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProcessFollowerConfiguration : IEntityTypeConfiguration<ProcessFollower>
{
    public void Configure(EntityTypeBuilder<ProcessFollower> builder)
    {
        builder.HasKey(f => new { f.ProcessId, f.UserId });
        builder.HasIndex(f => f.UserId);
        builder.HasOne<Process>().WithMany().HasForeignKey(f => f.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
