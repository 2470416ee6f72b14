using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Infrastructure.Email;

/// <summary>
/// A message waiting to be sent, or sent. The whole MIME message is stored, so attachments and both
/// body parts survive a restart and the worker sends exactly what the act composed.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";

    /// <summary>What kind of capped mail this is (<see cref="MailKinds"/>), or null for mail that is not capped.</summary>
    public string? Kind { get; set; }

    /// <summary>The account the capped mail is about, when there is one: the cap also holds per account.</summary>
    public Guid? AccountId { get; set; }
    public byte[] Mime { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>A worker owns the message until this time; another node may take it over afterwards.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public Guid? ClaimedBy { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>Set when retries are exhausted; an operator can see and requeue it.</summary>
    public DateTime? FailedAt { get; set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        // The worker's query: unsent, due messages in order.
        builder.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
        builder.HasIndex(m => m.Recipient);
        builder.Property(m => m.Kind).HasMaxLength(40);
        // The cap's queries: recent capped mail to an address, and for an account.
        builder.HasIndex(m => new { m.Recipient, m.Kind, m.CreatedAt });
        builder.HasIndex(m => new { m.AccountId, m.CreatedAt });
    }
}
