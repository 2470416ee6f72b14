using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Infrastructure.Identity;

/// <summary>A person with an account. Public contributions point here, so erasing an account anonymises the row.</summary>
public sealed class AgoraUser : IdentityUser<Guid>
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>"bg" or "en": the language of the e-mails this person receives.</summary>
    [PersonalData]
    public string PreferredCulture { get; set; } = "bg";

    [PersonalData]
    public DateTime CreatedAt { get; set; }

    public DateTime? BlockedAt { get; set; }
    public string? BlockedReason { get; set; }

    /// <summary>Set when the person erased their account; the row stays so their public contributions stay, anonymised.</summary>
    public DateTime? DeletedAt { get; set; }

    public bool IsBlocked => BlockedAt != null;
}

public sealed class AgoraUserConfiguration : IEntityTypeConfiguration<AgoraUser>
{
    public void Configure(EntityTypeBuilder<AgoraUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.PreferredCulture).HasMaxLength(5);
        builder.Property(u => u.BlockedReason).HasMaxLength(500);
        builder.HasIndex(u => u.CreatedAt);
    }
}

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Moderator = "Moderator";
    /// <summary>A municipal officer: verifies residents in person and revokes verifications (audit-logged).</summary>
    public const string Officer = "Officer";

    public static readonly IReadOnlyList<string> All = [Administrator, Moderator, Officer];

    /// <summary>Roles with powers over other people's data: each counts only once its holder has turned on two-factor
    /// sign-in (<see cref="StaffTwoFactorClaims"/>), and its holder cannot turn two-factor off.</summary>
    public static readonly IReadOnlyList<string> Staff = [Administrator, Moderator, Officer];
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string Administrator = "Administrator";
}
