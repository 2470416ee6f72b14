using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Commitments;

/// <summary>Where a commitment stands. Pledged and in progress are open (and can become overdue); done and withdrawn are closed.</summary>
public enum CommitmentStatus
{
    Pledged,
    InProgress,
    Done,
    Withdrawn,
}

/// <summary>What a party brings to a commitment (stored as a bit set).</summary>
[Flags]
public enum CommitmentResources
{
    None = 0,
    Expertise = 1,
    Data = 2,
    Venue = 4,
    Funding = 8,
    Volunteers = 16,
    Technology = 32,
}

/// <summary>
/// A commitment (ангажимент) in a process: an organisation, through its representative, pledges a concrete action;
/// or the municipality pledges its part of a win-win model (<see cref="OrganizationId"/> null, recorded by a facilitator).
/// </summary>
public sealed class Commitment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    /// <summary>The pledging organisation; null when the municipality pledges.</summary>
    public Guid? OrganizationId { get; set; }
    public Guid AuthorId { get; set; }
    /// <summary>The event where it was made, e.g. the needs assessment workshop.</summary>
    public Guid? EventId { get; set; }
    /// <summary>The need it answers. Needs belong to another module: no navigation or foreign key, only the id.</summary>
    public Guid? NeedId { get; set; }
    /// <summary>What will be done, one line.</summary>
    public string Title { get; set; } = "";
    /// <summary>Plain text, a paragraph or two.</summary>
    public string Description { get; set; } = "";
    /// <summary>The language the text was written in ("bg" or "en").</summary>
    public string Language { get; set; } = "bg";
    /// <summary>An English rendering of a Bulgarian text, shown to English readers when present (the demo fills it).</summary>
    public string? TitleEn { get; set; }
    public string? DescriptionEn { get; set; }
    public CommitmentResources Brings { get; set; }
    /// <summary>By when, as a Sofia calendar date.</summary>
    public DateOnly DueOn { get; set; }
    public CommitmentStatus Status { get; set; }
    public int UpdateCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the last overdue reminder went out; a reminder is claimed by setting it, so it goes once per interval.</summary>
    public DateTime? LastRemindedAt { get; set; }
    /// <summary>Set by a facilitator: gone from public lists (e.g. off-topic or duplicate).</summary>
    public DateTime? HiddenAt { get; set; }

    public bool IsOpen => Status is CommitmentStatus.Pledged or CommitmentStatus.InProgress;

    public bool IsOverdueOn(DateOnly today) => IsOverdue(Status, DueOn, today);

    public static bool IsOverdue(CommitmentStatus status, DateOnly dueOn, DateOnly today) =>
        status is CommitmentStatus.Pledged or CommitmentStatus.InProgress && dueOn < today;
}

/// <summary>A dated progress update on a commitment; a status change is recorded as one too.</summary>
public sealed class CommitmentUpdate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CommitmentId { get; set; }
    public Guid AuthorId { get; set; }
    public string Text { get; set; } = "";
    public string Language { get; set; } = "bg";
    public string? TextEn { get; set; }
    /// <summary>The status the commitment moved to with this update, if it changed.</summary>
    public CommitmentStatus? NewStatus { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(CommitmentRules.TitleMax);
        builder.Property(c => c.Description).HasMaxLength(CommitmentRules.DescriptionMax);
        builder.Property(c => c.Language).HasMaxLength(10);
        builder.Property(c => c.TitleEn).HasMaxLength(CommitmentRules.TitleMax);
        builder.Property(c => c.DescriptionEn).HasMaxLength(CommitmentRules.DescriptionMax);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Brings).HasConversion<int>();
        builder.HasIndex(c => new { c.ProcessId, c.CreatedAt });
        builder.HasIndex(c => new { c.OrganizationId, c.CreatedAt });
        builder.HasIndex(c => new { c.Status, c.DueOn });
        builder.HasIndex(c => c.AuthorId);
        builder.HasOne<Process>().WithMany().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CommitmentUpdateConfiguration : IEntityTypeConfiguration<CommitmentUpdate>
{
    public void Configure(EntityTypeBuilder<CommitmentUpdate> builder)
    {
        builder.Property(u => u.Text).HasMaxLength(CommitmentRules.UpdateMax);
        builder.Property(u => u.Language).HasMaxLength(10);
        builder.Property(u => u.TextEn).HasMaxLength(CommitmentRules.UpdateMax);
        builder.Property(u => u.NewStatus).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(u => new { u.CommitmentId, u.CreatedAt });
        builder.HasIndex(u => u.AuthorId);
        builder.HasOne<Commitment>().WithMany().HasForeignKey(u => u.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
