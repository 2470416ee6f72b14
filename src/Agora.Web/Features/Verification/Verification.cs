using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Verification;

/// <summary>One resident in the census file the municipality imported. The personal identifier (ЕГН) is never
/// stored: only its keyed hash (HMAC-SHA256 with <c>Agora:Verification:CensusKey</c>), so the table alone reveals
/// nobody, and guessing needs the key.</summary>
public sealed class CensusRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>Lower-case hex of HMAC-SHA256(key, identifier digits).</summary>
    public string IdentifierHash { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    /// <summary>A <see cref="Processes.Districts"/> key.</summary>
    public string District { get; set; } = "";
    public DateTime ImportedAt { get; set; }
}

/// <summary>"Verified resident of district X": at most one per account, and a census record verifies at most one
/// account (both unique indexes). Revoking deletes the row; the audit log keeps the history.</summary>
public sealed class ResidentVerification
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public string District { get; set; } = "";
    /// <summary>The <see cref="IVerificationMethod.Key"/> that verified the person.</summary>
    public string Method { get; set; } = "";
    public Guid? CensusRecordId { get; set; }
    /// <summary>The officer who verified in person; null when the person verified themselves.</summary>
    public Guid? VerifiedById { get; set; }
    public DateTime VerifiedAt { get; set; }
}

/// <summary>One attempt to verify against the census, kept to limit guessing (successful or not).</summary>
public sealed class VerificationAttempt
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
}

/// <summary>An administrator's choice whether an action needs verification; without a row the action's default holds.</summary>
public sealed class VerificationRequirement
{
    /// <summary>A <see cref="VerifiableAction.Key"/>, e.g. "budgets.submit".</summary>
    public string Action { get; set; } = "";
    public bool Required { get; set; }
}

public sealed class CensusRecordConfiguration : IEntityTypeConfiguration<CensusRecord>
{
    public void Configure(EntityTypeBuilder<CensusRecord> builder)
    {
        builder.Property(c => c.IdentifierHash).HasMaxLength(64);
        builder.Property(c => c.District).HasMaxLength(50);
        builder.HasIndex(c => c.IdentifierHash).IsUnique();
    }
}

public sealed class ResidentVerificationConfiguration : IEntityTypeConfiguration<ResidentVerification>
{
    public void Configure(EntityTypeBuilder<ResidentVerification> builder)
    {
        builder.Property(v => v.District).HasMaxLength(50);
        builder.Property(v => v.Method).HasMaxLength(50);
        builder.HasIndex(v => v.UserId).IsUnique();
        builder.HasIndex(v => v.CensusRecordId).IsUnique();
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(v => v.VerifiedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<CensusRecord>().WithMany().HasForeignKey(v => v.CensusRecordId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class VerificationAttemptConfiguration : IEntityTypeConfiguration<VerificationAttempt>
{
    public void Configure(EntityTypeBuilder<VerificationAttempt> builder)
    {
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VerificationRequirementConfiguration : IEntityTypeConfiguration<VerificationRequirement>
{
    public void Configure(EntityTypeBuilder<VerificationRequirement> builder)
    {
        builder.HasKey(r => r.Action);
        builder.Property(r => r.Action).HasMaxLength(100);
    }
}
