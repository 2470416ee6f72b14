using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Budgets;

/// <summary>Where a budget stands; the facilitators advance it. Voting closes when it moves to Results.</summary>
public enum BudgetPhase
{
    Submission,
    Review,
    Voting,
    Results,
    Implementation,
}

/// <summary>How a ballot is valid. Knapsack: chosen projects cost at most the budget (and at least MinPercent of it).
/// Approval: between MinProjects and MaxProjects projects.</summary>
public enum VotingRule
{
    Knapsack,
    Approval,
}

/// <summary>A participatory budget (бюджет) in a process: city-wide (District null) or for one district.</summary>
public sealed class Budget
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public int Position { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    /// <summary>A <see cref="Districts"/> key, or null for the whole city (any Sofia district votes).</summary>
    public string? District { get; set; }
    /// <summary>EUR cents.</summary>
    public long AmountCents { get; set; }
    public VotingRule Rule { get; set; }
    /// <summary>Knapsack: a ballot must spend at least this share of the amount (0 = no minimum).</summary>
    public int MinPercent { get; set; }
    public int MinProjects { get; set; } = 1;
    public int MaxProjects { get; set; } = 3;
    /// <summary>Whether a voter may replace their ballot until the close (same receipt code).</summary>
    public bool AllowChange { get; set; }
    public BudgetPhase Phase { get; set; }
    /// <summary>Informative dates shown to people; the phase is what rules.</summary>
    public DateOnly? VotingStartsOn { get; set; }
    public DateOnly? VotingEndsOn { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Stored counter of counted ballots, updated in the ballot's transaction.</summary>
    public int BallotCount { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum ProjectReview
{
    Pending,
    Feasible,
    NotFeasible,
}

/// <summary>A project (проект) proposed for a budget. Only feasible projects go on the ballot.
/// Its public page is /processes/{slug}/budgets/{budgetId}/projects/{id}.</summary>
public sealed class BudgetProject
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid BudgetId { get; set; }
    public Guid? AuthorId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown, rendered sanitised.</summary>
    public string Description { get; set; } = "";
    /// <summary>EUR cents: the author's figure until the review's estimate replaces it.</summary>
    public long CostCents { get; set; }
    public string? District { get; set; }
    /// <summary>An https image address (the platform has no shared image store for projects yet).</summary>
    public string? ImageUrl { get; set; }
    /// <summary>The proposal the project was promoted from, if any.</summary>
    public Guid? ProposalId { get; set; }
    public ProjectReview Review { get; set; }
    public string? ReviewReason { get; set; }
    public DateTime? ReviewedAt { get; set; }
    /// <summary>Stored counter of ballots choosing it, updated in the ballot's transaction.</summary>
    public int VoteCount { get; set; }
    public int CommentCount { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A counted ballot: one per voter and budget (unique index), so two tabs cannot both count. The receipt
/// code is published after the close without the choices.</summary>
public sealed class Ballot
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid BudgetId { get; set; }
    public Guid VoterId { get; set; }
    public string ReceiptCode { get; set; } = "";
    /// <summary>The voter's verified district when voting, for turnout by district.</summary>
    public string District { get; set; } = "";
    public DateTime CastAt { get; set; }
}

public sealed class BallotChoice
{
    public Guid BallotId { get; set; }
    public Guid ProjectId { get; set; }
}

public sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> builder)
    {
        builder.Localized(b => b.Title, 200);
        builder.Localized(b => b.Description, 10_000);
        builder.Property(b => b.District).HasMaxLength(50);
        builder.Property(b => b.Rule).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Phase).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(b => new { b.ProcessId, b.Position });
        builder.HasOne<Process>().WithMany().HasForeignKey(b => b.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BudgetProjectConfiguration : IEntityTypeConfiguration<BudgetProject>
{
    public void Configure(EntityTypeBuilder<BudgetProject> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(20_000);
        builder.Property(p => p.District).HasMaxLength(50);
        builder.Property(p => p.ImageUrl).HasMaxLength(1000);
        builder.Property(p => p.ReviewReason).HasMaxLength(5000);
        builder.Property(p => p.Review).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => new { p.BudgetId, p.CreatedAt });
        builder.HasOne<Budget>().WithMany().HasForeignKey(p => p.BudgetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(p => p.ProposalId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> builder)
    {
        builder.Property(b => b.ReceiptCode).HasMaxLength(20);
        builder.Property(b => b.District).HasMaxLength(50);
        builder.HasIndex(b => new { b.BudgetId, b.VoterId }).IsUnique();
        builder.HasIndex(b => b.ReceiptCode).IsUnique();
        // Turnout by district is counted from this index alone (a city-wide budget holds tens of thousands of ballots).
        builder.HasIndex(b => new { b.BudgetId, b.District });
        builder.HasOne<Budget>().WithMany().HasForeignKey(b => b.BudgetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(b => b.VoterId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BallotChoiceConfiguration : IEntityTypeConfiguration<BallotChoice>
{
    public void Configure(EntityTypeBuilder<BallotChoice> builder)
    {
        builder.HasKey(c => new { c.BallotId, c.ProjectId });
        builder.HasIndex(c => c.ProjectId);
        builder.HasOne<Ballot>().WithMany().HasForeignKey(c => c.BallotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BudgetProject>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
