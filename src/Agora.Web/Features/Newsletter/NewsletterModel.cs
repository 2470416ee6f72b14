using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Newsletter;

public enum SubscriptionStatus
{
    /// <summary>Asked, but has not clicked the confirmation link: receives nothing.</summary>
    Pending,
    Confirmed,

    /// <summary>Left: kept (address only) so that no audience, e.g. a process's followers, mails the address again.</summary>
    Unsubscribed,
}

/// <summary>An address that asked for the information bulletin (информационен бюлетин), with double opt-in.</summary>
public sealed class NewsletterSubscriber
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Trimmed and lower-cased (<see cref="Normalize"/>), unique.</summary>
    public string Email { get; set; } = "";

    /// <summary>"bg" or "en": the language of the issues this address receives.</summary>
    public string Culture { get; set; } = "bg";
    public SubscriptionStatus Status { get; set; }

    /// <summary>SHA-256 of the confirmation link's random token; cleared on use, so the link works once.</summary>
    public string? ConfirmTokenHash { get; set; }
    public DateTime? ConfirmSentAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>One issue of the bulletin, in both languages, sent once to one audience.</summary>
public sealed class NewsletterIssue
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public LocalizedText Subject { get; set; } = new();

    /// <summary>Markdown; e-mails carry it as text paragraphs.</summary>
    public LocalizedText Body { get; set; } = new();

    /// <summary>The <see cref="INewsletterAudience.Key"/> chosen.</summary>
    public string AudienceKey { get; set; } = SubscribersAudience.AudienceKey;
    public Guid? ProcessId { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Set by a conditional update when sending starts: the database, not the page, refuses a second send.</summary>
    public DateTime? SentAt { get; set; }
    public Guid? SentById { get; set; }
    public int? RecipientCount { get; set; }
}

public sealed class NewsletterSubscriberConfiguration : IEntityTypeConfiguration<NewsletterSubscriber>
{
    public void Configure(EntityTypeBuilder<NewsletterSubscriber> builder)
    {
        builder.Property(s => s.Email).HasMaxLength(256);
        builder.HasIndex(s => s.Email).IsUnique();
        builder.Property(s => s.Culture).HasMaxLength(5);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ConfirmTokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.ConfirmTokenHash);
        builder.HasIndex(s => s.Status);
    }
}

public sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> builder)
    {
        builder.Localized(i => i.Subject, 300);
        builder.Localized(i => i.Body);
        builder.Property(i => i.AudienceKey).HasMaxLength(50);
        builder.HasIndex(i => i.CreatedAt);
        builder.HasOne<Process>().WithMany().HasForeignKey(i => i.ProcessId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
