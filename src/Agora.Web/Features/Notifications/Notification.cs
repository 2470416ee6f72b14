using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Notifications;

/// <summary>What a notification is about; people choose per group whether they want it.</summary>
public enum NotificationKind
{
    Reply,
    ProposalSupported,
    ProposalThreshold,
    ProposalAnswered,
    FollowedAnswered,
    Moderated,
}

public enum EmailMode
{
    Immediate,
    Daily,
    Off,
}

/// <summary>An in-app notification; the text is a resource key and one argument, rendered in the reader's language.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public string TextKey { get; set; } = "";
    public string Argument { get; set; } = "";
    /// <summary>Local path of what it is about.</summary>
    public string Url { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>Set once it went out by e-mail (immediately or in a digest), or when e-mail was not wanted.</summary>
    public DateTime? EmailedAt { get; set; }
}

/// <summary>A person's choices; no row means the defaults (immediate e-mail, everything on).</summary>
public sealed class NotificationSettings
{
    public Guid UserId { get; set; }
    public EmailMode Email { get; set; }
    public bool Replies { get; set; } = true;
    public bool MyProposals { get; set; } = true;
    public bool Followed { get; set; } = true;
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.TextKey).HasMaxLength(100);
        builder.Property(n => n.Argument).HasMaxLength(300);
        builder.Property(n => n.Url).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => n.EmailedAt);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.Email).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<AgoraUser>().WithOne().HasForeignKey<NotificationSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
