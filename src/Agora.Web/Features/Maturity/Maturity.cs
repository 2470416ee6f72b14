using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// A maturity framework (rubric): dimensions, each with five level descriptors. A framework that a round uses is
/// never changed under it: editing it makes a new version (<see cref="PreviousId"/> points back), so a round's scores
/// always mean what the assessors read.
/// </summary>
public sealed class MaturityFramework
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public int Version { get; set; } = 1;
    /// <summary>The version this one replaced; the newest version is the one nothing points back to.</summary>
    public Guid? PreviousId { get; set; }
    /// <summary>Whether an assessor may set a target below the current level (normally not: a target is an ambition).</summary>
    public bool AllowTargetBelowCurrent { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<MaturityDimension> Dimensions { get; set; } = [];
}

/// <summary>A dimension of a framework with its five level descriptors (1 initial … 5 leading).</summary>
public sealed class MaturityDimension
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FrameworkId { get; set; }
    /// <summary>Stable across versions, so that rounds on different versions compare dimension by dimension.</summary>
    public string Key { get; set; } = "";
    public int Position { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public LocalizedText Level1 { get; set; } = new();
    public LocalizedText Level2 { get; set; } = new();
    public LocalizedText Level3 { get; set; } = new();
    public LocalizedText Level4 { get; set; } = new();
    public LocalizedText Level5 { get; set; } = new();

    public LocalizedText Level(int level) => level switch
    {
        1 => Level1,
        2 => Level2,
        3 => Level3,
        4 => Level4,
        5 => Level5,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public void SetLevel(int level, LocalizedText text)
    {
        switch (level)
        {
            case 1: Level1 = text; break;
            case 2: Level2 = text; break;
            case 3: Level3 = text; break;
            case 4: Level4 = text; break;
            case 5: Level5 = text; break;
            default: throw new ArgumentOutOfRangeException(nameof(level));
        }
    }
}

/// <summary>Who may assess in a round; several may be chosen.</summary>
[Flags]
public enum AssessorSet
{
    None = 0,
    /// <summary>Municipality staff: site administrators and moderators, the process's administrators, representatives of public bodies.</summary>
    Municipality = 1,
    /// <summary>Approved representatives of organisations in the registry.</summary>
    Representatives = 2,
    /// <summary>Any signed-in resident.</summary>
    Residents = 4,
}

/// <summary>A round of assessment in a process, on one framework version, optionally tied to one of its events.</summary>
public sealed class MaturityRound
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public Guid FrameworkId { get; set; }
    public Guid? EventId { get; set; }
    /// <summary>Unique within the process; the stable address of the round and its report.</summary>
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    /// <summary>Closed early by a facilitator; a round is also closed once <see cref="ClosesAt"/> passes.</summary>
    public DateTime? ClosedAt { get; set; }
    public AssessorSet Assessors { get; set; }
    /// <summary>The facilitators' conclusions and recommendations, Markdown.</summary>
    public LocalizedText Conclusions { get; set; } = new();
    /// <summary>When the report was published; unpublished reports are seen by facilitators only.</summary>
    public DateTime? PublishedAt { get; set; }
    /// <summary>Submitted assessments, kept on the row for the rounds list.</summary>
    public int SubmittedCount { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool IsOpen(DateTime now) => ClosedAt == null && now >= OpensAt && now < ClosesAt;
    public bool IsClosed(DateTime now) => ClosedAt != null || now >= ClosesAt;
}

/// <summary>One assessor's assessment in a round: a draft until submitted, then final. Only submitted ones count.</summary>
public sealed class MaturityAssessment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RoundId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The assessor group (<see cref="AssessorGroups"/>) at submission, so the report does not shift later.</summary>
    public string Group { get; set; } = AssessorGroups.Resident;
    public DateTime? SubmittedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<MaturityScore> Scores { get; set; } = [];
}

/// <summary>A dimension's levels in an assessment; levels may be empty in a draft, never in a submission.</summary>
public sealed class MaturityScore
{
    public Guid AssessmentId { get; set; }
    public Guid DimensionId { get; set; }
    public int? Current { get; set; }
    public int? Target { get; set; }
    public string Justification { get; set; } = "";
    /// <summary>Evidence links, one absolute http(s) URL a line.</summary>
    public string Evidence { get; set; } = "";
}

public sealed class MaturityFrameworkConfiguration : IEntityTypeConfiguration<MaturityFramework>
{
    public void Configure(EntityTypeBuilder<MaturityFramework> builder)
    {
        builder.Localized(f => f.Name, 200);
        builder.Localized(f => f.Description, 4000);
        builder.HasIndex(f => f.PreviousId);
        builder.HasOne<MaturityFramework>().WithMany().HasForeignKey(f => f.PreviousId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Dimensions).WithOne().HasForeignKey(d => d.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MaturityDimensionConfiguration : IEntityTypeConfiguration<MaturityDimension>
{
    public void Configure(EntityTypeBuilder<MaturityDimension> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(60);
        builder.HasIndex(d => new { d.FrameworkId, d.Key }).IsUnique();
        builder.Localized(d => d.Name, 200);
        builder.Localized(d => d.Description, 2000);
        builder.Localized(d => d.Level1, 1000);
        builder.Localized(d => d.Level2, 1000);
        builder.Localized(d => d.Level3, 1000);
        builder.Localized(d => d.Level4, 1000);
        builder.Localized(d => d.Level5, 1000);
    }
}

public sealed class MaturityRoundConfiguration : IEntityTypeConfiguration<MaturityRound>
{
    public void Configure(EntityTypeBuilder<MaturityRound> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(80);
        builder.HasIndex(r => new { r.ProcessId, r.Slug }).IsUnique();
        builder.Localized(r => r.Title, 200);
        builder.Localized(r => r.Conclusions, 20_000);
        builder.HasOne<Process>().WithMany().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MaturityFramework>().WithMany().HasForeignKey(r => r.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => r.FrameworkId);
    }
}

public sealed class MaturityAssessmentConfiguration : IEntityTypeConfiguration<MaturityAssessment>
{
    public void Configure(EntityTypeBuilder<MaturityAssessment> builder)
    {
        builder.HasIndex(a => new { a.RoundId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.UserId);
        builder.Property(a => a.Group).HasMaxLength(20);
        builder.HasOne<MaturityRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MaturityScoreConfiguration : IEntityTypeConfiguration<MaturityScore>
{
    public void Configure(EntityTypeBuilder<MaturityScore> builder)
    {
        builder.HasKey(s => new { s.AssessmentId, s.DimensionId });
        builder.HasIndex(s => s.DimensionId);
        builder.Property(s => s.Justification).HasMaxLength(MaturityRules.JustificationMax);
        builder.Property(s => s.Evidence).HasMaxLength(MaturityRules.EvidenceMax);
        builder.HasOne<MaturityDimension>().WithMany().HasForeignKey(s => s.DimensionId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_MaturityScores_Current", "\"Current\" IS NULL OR (\"Current\" BETWEEN 1 AND 5)");
            t.HasCheckConstraint("CK_MaturityScores_Target", "\"Target\" IS NULL OR (\"Target\" BETWEEN 1 AND 5)");
        });
    }
}

/// <summary>
/// The assessor groups of the report, in display order. Labels are "Maturity.Group.{key}". One place decides who
/// belongs where, so the form, the aggregation and the demo agree.
/// </summary>
public static class AssessorGroups
{
    public const string Municipality = "municipality";
    public const string Business = "business";
    public const string Ngo = "ngo";
    public const string Academia = "academia";
    public const string Resident = "resident";

    public static IReadOnlyList<string> All { get; } = [Municipality, Business, Ngo, Academia, Resident];

    /// <summary>
    /// Staff of the municipality (and representatives of public bodies such as its own enterprises) count as the
    /// municipality; companies and clusters as business; NGOs and informal citizen groups as NGOs; universities and
    /// schools as academia; anyone else as a resident.
    /// </summary>
    public static string Of(bool municipalityStaff, Organizations.OrganizationKind? organization) =>
        municipalityStaff ? Municipality : organization switch
        {
            Organizations.OrganizationKind.PublicBody => Municipality,
            Organizations.OrganizationKind.Company or Organizations.OrganizationKind.ClusterOrAssociation => Business,
            Organizations.OrganizationKind.Ngo or Organizations.OrganizationKind.CitizenGroup => Ngo,
            Organizations.OrganizationKind.UniversityOrSchool => Academia,
            _ => Resident,
        };
}

public static class MaturityRules
{
    public const int JustificationMax = 2000;
    public const int EvidenceMax = 2000;
    public const int MinLevel = 1;
    public const int MaxLevel = 5;
    public static bool IsLevel(int? level) => level is >= MinLevel and <= MaxLevel;
}
