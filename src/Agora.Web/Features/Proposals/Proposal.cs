using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Proposals;

/// <summary>Where a proposal stands. Published until it reaches the support threshold (ForEvaluation); the
/// process administrators' official answer moves it to Evaluating, Accepted or Rejected; the author may withdraw.</summary>
public enum ProposalState
{
    Published,
    ForEvaluation,
    Evaluating,
    Accepted,
    Rejected,
    Withdrawn,
}

/// <summary>A citizen's proposal (предложение) in a process.</summary>
public sealed class Proposal
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public Guid AuthorId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown, rendered sanitised.</summary>
    public string Body { get; set; } = "";
    /// <summary>A <see cref="Districts"/> key, or null for the whole city.</summary>
    public string? District { get; set; }
    public Guid? CategoryId { get; set; }
    public ProposalState State { get; set; }
    /// <summary>Stored counters, kept by recounting after each change, so lists sort and show them without joins.</summary>
    public int SupportCount { get; set; }
    public int CommentCount { get; set; }
    /// <summary>A fixed random number: "random" order is a permutation of it by the reader's seed, so paging is stable.</summary>
    public int SortKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ThresholdReachedAt { get; set; }
    public string? AnswerText { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public Guid? AnsweredById { get; set; }
    /// <summary>Set by moderation: the proposal is gone from lists and shows the reason instead of its content.</summary>
    public DateTime? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
}

/// <summary>A category of proposals, defined per process by its administrators.</summary>
public sealed class ProposalCategory
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public int Position { get; set; }
    public LocalizedText Name { get; set; } = new();
}

/// <summary>A person's support (подкрепа) of a proposal: at most one per person, enforced by the key.</summary>
public sealed class ProposalSupport
{
    public Guid ProposalId { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Someone who asked to be told about answers and news on a proposal.</summary>
public sealed class ProposalFollower
{
    public Guid ProposalId { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The per-process rules of proposals: threshold, its deadline and how long authors may edit.</summary>
public sealed class ProposalSettings
{
    public Guid ProcessId { get; set; }
    public int SupportThreshold { get; set; } = 100;
    /// <summary>Last Sofia calendar day on which supports count; null means while supporting is switched on.</summary>
    public DateOnly? SupportDeadline { get; set; }
    public int EditWindowMinutes { get; set; } = 60;
}

/// <summary>What the current phase allows. A phase without a row allows nothing.</summary>
public sealed class ProposalPhaseSettings
{
    public Guid PhaseId { get; set; }
    public bool CreatingEnabled { get; set; }
    public bool SupportingEnabled { get; set; }
    public bool CommentingEnabled { get; set; }
}

public sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Body).HasMaxLength(20_000);
        builder.Property(p => p.District).HasMaxLength(50);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.AnswerText).HasMaxLength(10_000);
        builder.Property(p => p.HiddenReason).HasMaxLength(500);
        builder.HasIndex(p => new { p.ProcessId, p.CreatedAt });
        // Covers the "most supported" list (its filter, order and id) and its count, so a deep page skips its offset in
        // the index instead of reading thousands of rows (issue 12, page 200 at city size).
        builder.HasIndex(p => new { p.ProcessId, p.SupportCount, p.CreatedAt, p.Id, p.State, p.HiddenAt });
        // The API lists all public proposals in (CreatedAt, Id) order with a keyset cursor: without this index every
        // request sorted the whole table, bodies included (3 requests/s at city size).
        builder.HasIndex(p => new { p.CreatedAt, p.Id });
        builder.HasIndex(p => p.AuthorId);
        builder.HasOne<Process>().WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProposalCategory>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ProposalCategoryConfiguration : IEntityTypeConfiguration<ProposalCategory>
{
    public void Configure(EntityTypeBuilder<ProposalCategory> builder)
    {
        builder.Localized(c => c.Name, 200);
        builder.HasIndex(c => new { c.ProcessId, c.Position });
        builder.HasOne<Process>().WithMany().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalSupportConfiguration : IEntityTypeConfiguration<ProposalSupport>
{
    public void Configure(EntityTypeBuilder<ProposalSupport> builder)
    {
        builder.HasKey(s => new { s.ProposalId, s.UserId });
        builder.HasIndex(s => s.UserId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalFollowerConfiguration : IEntityTypeConfiguration<ProposalFollower>
{
    public void Configure(EntityTypeBuilder<ProposalFollower> builder)
    {
        builder.HasKey(s => new { s.ProposalId, s.UserId });
        builder.HasIndex(s => s.UserId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalSettingsConfiguration : IEntityTypeConfiguration<ProposalSettings>
{
    public void Configure(EntityTypeBuilder<ProposalSettings> builder)
    {
        builder.HasKey(s => s.ProcessId);
        builder.HasOne<Process>().WithOne().HasForeignKey<ProposalSettings>(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProposalPhaseSettingsConfiguration : IEntityTypeConfiguration<ProposalPhaseSettings>
{
    public void Configure(EntityTypeBuilder<ProposalPhaseSettings> builder)
    {
        builder.HasKey(s => s.PhaseId);
        builder.HasOne<Phase>().WithOne().HasForeignKey<ProposalPhaseSettings>(s => s.PhaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
