using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.ResultTracking;

/// <summary>Where a tracked result stands. Completed and cancelled close it; cancelling needs a public reason.</summary>
public enum ResultStatus
{
    Planned,
    InProgress,
    Completed,
    Cancelled,
}

/// <summary>
/// A tracked result (резултат): something the municipality committed to do in a process — an accepted proposal, a
/// prioritised need, a commitment, later a winning budget project — followed in public until it is done.
/// </summary>
public sealed class TrackedResult
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public Guid AuthorId { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    /// <summary>A <see cref="Districts"/> key, or null for the whole city.</summary>
    public string? District { get; set; }
    /// <summary>The responsible part of the administration: a key of <see cref="Needs.AdministrationAreas"/>.</summary>
    public string Department { get; set; } = Needs.AdministrationAreas.Other;
    public ResultStatus Status { get; set; }
    /// <summary>0–100; a completed result is at 100.</summary>
    public int Progress { get; set; }
    /// <summary>Why it was cancelled; required when <see cref="Status"/> is cancelled.</summary>
    public string? CancelReason { get; set; }
    public long BudgetAllocatedCents { get; set; }
    public long BudgetSpentCents { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>What it came from: a kind of <see cref="IResultOrigin"/> ("proposal", "need", "commitment" …) and that
    /// module's id. No foreign key: the origin belongs to another module, which resolves it for display.</summary>
    public string? OriginKind { get; set; }
    public Guid? OriginId { get; set; }
    /// <summary>Stored counters, recounted after each change.</summary>
    public int UpdateCount { get; set; }
    public int FollowerCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A step of a result with a planned date; once reached, its date and evidence (text with links to photos
/// and documents) are public.</summary>
public sealed class ResultMilestone
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ResultId { get; set; }
    public LocalizedText Title { get; set; } = new();
    public DateOnly PlannedOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    /// <summary>Markdown: what shows it was done, with links.</summary>
    public string Evidence { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>An entry of a result's timeline: a note, with the status and progress it moved from and to.</summary>
public sealed class ResultUpdate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ResultId { get; set; }
    public Guid AuthorId { get; set; }
    public LocalizedText Text { get; set; } = new();
    public ResultStatus? OldStatus { get; set; }
    public ResultStatus? NewStatus { get; set; }
    public int? OldProgress { get; set; }
    public int? NewProgress { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A person who follows a result and is e-mailed its updates; one row per person, enforced by the key.</summary>
public sealed class ResultFollower
{
    public Guid ResultId { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class TrackedResultConfiguration : IEntityTypeConfiguration<TrackedResult>
{
    public void Configure(EntityTypeBuilder<TrackedResult> builder)
    {
        builder.ToTable("TrackedResults", t =>
        {
            t.HasCheckConstraint("CK_TrackedResults_Progress", "\"Progress\" BETWEEN 0 AND 100");
            t.HasCheckConstraint("CK_TrackedResults_Budget", "\"BudgetAllocatedCents\" >= 0 AND \"BudgetSpentCents\" >= 0");
        });
        builder.Localized(r => r.Title, ResultRules.TitleMax);
        builder.Localized(r => r.Description, ResultRules.DescriptionMax);
        builder.Property(r => r.District).HasMaxLength(50);
        builder.Property(r => r.Department).HasMaxLength(50);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CancelReason).HasMaxLength(ResultRules.ReasonMax);
        builder.Property(r => r.OriginKind).HasMaxLength(40);
        builder.HasIndex(r => new { r.ProcessId, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.District });
        // One result per origin: tracking the same decision twice would split its followers and its money.
        builder.HasIndex(r => new { r.OriginKind, r.OriginId }).IsUnique();
        builder.HasIndex(r => r.AuthorId);
        builder.HasOne<Process>().WithMany().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResultMilestoneConfiguration : IEntityTypeConfiguration<ResultMilestone>
{
    public void Configure(EntityTypeBuilder<ResultMilestone> builder)
    {
        builder.Localized(m => m.Title, ResultRules.TitleMax);
        builder.Property(m => m.Evidence).HasMaxLength(ResultRules.TextMax);
        builder.HasIndex(m => new { m.ResultId, m.PlannedOn });
        builder.HasOne<TrackedResult>().WithMany().HasForeignKey(m => m.ResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ResultUpdateConfiguration : IEntityTypeConfiguration<ResultUpdate>
{
    public void Configure(EntityTypeBuilder<ResultUpdate> builder)
    {
        builder.Localized(u => u.Text, ResultRules.TextMax);
        builder.Property(u => u.OldStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.NewStatus).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(u => new { u.ResultId, u.CreatedAt });
        builder.HasIndex(u => u.AuthorId);
        builder.HasOne<TrackedResult>().WithMany().HasForeignKey(u => u.ResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ResultFollowerConfiguration : IEntityTypeConfiguration<ResultFollower>
{
    public void Configure(EntityTypeBuilder<ResultFollower> builder)
    {
        builder.HasKey(f => new { f.ResultId, f.UserId });
        builder.HasIndex(f => f.UserId);
        builder.HasOne<TrackedResult>().WithMany().HasForeignKey(f => f.ResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
