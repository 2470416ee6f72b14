using Agora.Web.Features.Events;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Swot;

public enum SwotQuadrant
{
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

/// <summary>A SWOT board (SWOT анализ) of a process, optionally tied to one of its events (the workshop).</summary>
public sealed class SwotBoard
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public Guid? EventId { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>How many dots each participant may spread over the items.</summary>
    public int DotsPerPerson { get; set; } = 5;
    public WorkshopEligibility Eligibility { get; set; }
    /// <summary>Set when the facilitator closes the board: from then on nothing changes.</summary>
    public DateTime? ClosedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An item on a board: a short text and an optional explanation, as written by a participant (one column,
/// in the language they wrote it). Merged items stay as rows pointing to the item they were merged into.</summary>
public sealed class SwotItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid BoardId { get; set; }
    public SwotQuadrant Quadrant { get; set; }
    public string Text { get; set; } = "";
    public string? Explanation { get; set; }
    public string Language { get; set; } = "bg";
    /// <summary>Order within the quadrant, set by the facilitator; new items go last.</summary>
    public int Position { get; set; }
    public Guid? MergedIntoId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Who contributed an item, and for which organisation. Kept through merges, so a merged item lists everyone.</summary>
public sealed class SwotContribution
{
    public Guid ItemId { get; set; }
    public Guid UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A person's dots on one item.</summary>
public sealed class SwotDot
{
    public Guid ItemId { get; set; }
    public Guid UserId { get; set; }
    public Guid BoardId { get; set; }
    public int Count { get; set; }
}

/// <summary>A person's dot allowance on a board. Every vote first writes this row, so two votes of the same person
/// serialise on it (row lock on PostgreSQL, write lock on SQLite) and can never together exceed the allowance.</summary>
public sealed class SwotAllowance
{
    public Guid BoardId { get; set; }
    public Guid UserId { get; set; }
    public int Used { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class SwotBoardConfiguration : IEntityTypeConfiguration<SwotBoard>
{
    public void Configure(EntityTypeBuilder<SwotBoard> builder)
    {
        builder.Localized(b => b.Title, 200);
        builder.Property(b => b.Eligibility).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(b => new { b.ProcessId, b.CreatedAt });
        builder.HasOne<Process>().WithMany().HasForeignKey(b => b.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(b => b.EventId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class SwotItemConfiguration : IEntityTypeConfiguration<SwotItem>
{
    public void Configure(EntityTypeBuilder<SwotItem> builder)
    {
        builder.Property(i => i.Quadrant).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Text).HasMaxLength(SwotInput.TextMax);
        builder.Property(i => i.Explanation).HasMaxLength(SwotInput.ExplanationMax);
        builder.Property(i => i.Language).HasMaxLength(5);
        builder.HasIndex(i => new { i.BoardId, i.Quadrant, i.Position });
        builder.HasOne<SwotBoard>().WithMany().HasForeignKey(i => i.BoardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SwotItem>().WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SwotContributionConfiguration : IEntityTypeConfiguration<SwotContribution>
{
    public void Configure(EntityTypeBuilder<SwotContribution> builder)
    {
        builder.HasKey(c => new { c.ItemId, c.UserId });
        builder.HasIndex(c => c.UserId);
        builder.HasOne<SwotItem>().WithMany().HasForeignKey(c => c.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class SwotDotConfiguration : IEntityTypeConfiguration<SwotDot>
{
    public void Configure(EntityTypeBuilder<SwotDot> builder)
    {
        builder.HasKey(d => new { d.ItemId, d.UserId });
        builder.HasIndex(d => new { d.BoardId, d.UserId });
        builder.HasOne<SwotItem>().WithMany().HasForeignKey(d => d.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_SwotDots_Count", "\"Count\" > 0"));
    }
}

public sealed class SwotAllowanceConfiguration : IEntityTypeConfiguration<SwotAllowance>
{
    public void Configure(EntityTypeBuilder<SwotAllowance> builder)
    {
        builder.HasKey(a => new { a.BoardId, a.UserId });
        builder.HasOne<SwotBoard>().WithMany().HasForeignKey(a => a.BoardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
