using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Conversations;

public enum StatementStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// A conversation (разговор) in the manner of Pol.is: short statements that participants vote agree, disagree or
/// pass on; the opinion map groups participants who vote alike.
/// </summary>
public sealed class Conversation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public LocalizedText Topic { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    /// <summary>People without an account may take part with a per-browser token.</summary>
    public bool AllowAnonymous { get; set; }
    /// <summary>Participants' statements wait for an administrator before anyone else sees them.</summary>
    public bool ModerateStatements { get; set; }
    public bool Closed { get; set; }
    public bool Published { get; set; }
    /// <summary>Bumped (in SQL, atomically) by every vote and moderation change; the background refresh recomputes
    /// the opinion map when it differs from <see cref="ComputedVersion"/>.</summary>
    public long Version { get; set; }
    public long ComputedVersion { get; set; }
    /// <summary>Stored counters, updated in the same transaction as the act.</summary>
    public int ParticipantCount { get; set; }
    public int VoteCount { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A statement (твърдение): one short sentence to vote on. Citizen text: one column plus its language.</summary>
public sealed class Statement
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConversationId { get; set; }
    /// <summary>Per-conversation number: Pol.is's comment-id in imports and exports.</summary>
    public int Number { get; set; }
    public string Text { get; set; } = "";
    /// <summary>"bg" or "en".</summary>
    public string Language { get; set; } = "bg";
    /// <summary>An English translation of a seed statement written by an administrator; empty otherwise.</summary>
    public string TranslationEn { get; set; } = "";
    /// <summary>The participant who wrote it; null for statements seeded by administrators.</summary>
    public Guid? AuthorParticipantId { get; set; }
    public StatementStatus Status { get; set; }
    public bool IsSeed { get; set; }
    /// <summary>About the conversation itself; left out of the opinion map, as Pol.is does.</summary>
    public bool IsMeta { get; set; }
    public int AgreeCount { get; set; }
    public int DisagreeCount { get; set; }
    public int PassCount { get; set; }
    public DateTime CreatedAt { get; set; }

    public int SeenCount => AgreeCount + DisagreeCount + PassCount;

    /// <summary>The text in the reader's language where an administrator gave a translation.</summary>
    public static string TextIn(string text, string language, string translationEn, string culture) =>
        culture == "en" && language != "en" && !string.IsNullOrWhiteSpace(translationEn) ? translationEn : text;
}

/// <summary>Someone taking part in one conversation: a signed-in person, an anonymous browser (token hash), or an
/// imported Pol.is participant.</summary>
public sealed class Participant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConversationId { get; set; }
    /// <summary>Per-conversation number: Pol.is's voter-id / participant in imports and exports.</summary>
    public int Number { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>SHA-256 (hex) of the browser's random token; the token itself is only in the HttpOnly cookie.</summary>
    public string? AnonymousTokenHash { get; set; }
    /// <summary>The participant id in a Pol.is export this participant was imported from.</summary>
    public int? ExternalId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One participant's vote on one statement: agree = +1, disagree = −1, pass = 0. A re-vote updates it.</summary>
public sealed class StatementVote
{
    public Guid ParticipantId { get; set; }
    public Guid StatementId { get; set; }
    public Guid ConversationId { get; set; }
    public int Value { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The latest computed opinion map of a conversation, so the results page never computes on request.</summary>
public sealed class ConversationResult
{
    public Guid ConversationId { get; set; }
    /// <summary>An <see cref="OpinionSnapshot"/> as JSON.</summary>
    public string Json { get; set; } = "";
    public DateTime ComputedAt { get; set; }
    public int VoteCount { get; set; }
    public long Version { get; set; }
}

public sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Localized(c => c.Topic, 300);
        builder.Localized(c => c.Description);
        builder.HasIndex(c => new { c.ProcessId, c.CreatedAt });
        builder.HasIndex(c => new { c.Version, c.ComputedVersion });
        builder.HasOne<Process>().WithMany().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(1000);
        builder.Property(s => s.TranslationEn).HasMaxLength(1000);
        builder.Property(s => s.Language).HasMaxLength(10);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.ConversationId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.ConversationId, s.Status });
        builder.HasIndex(s => s.AuthorParticipantId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(s => s.AuthorParticipantId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.Property(p => p.AnonymousTokenHash).HasMaxLength(64);
        builder.HasIndex(p => new { p.ConversationId, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.ConversationId, p.UserId }).IsUnique();
        builder.HasIndex(p => new { p.ConversationId, p.AnonymousTokenHash }).IsUnique();
        builder.HasIndex(p => p.UserId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class StatementVoteConfiguration : IEntityTypeConfiguration<StatementVote>
{
    public void Configure(EntityTypeBuilder<StatementVote> builder)
    {
        builder.ToTable("StatementVotes");
        builder.HasKey(v => new { v.ParticipantId, v.StatementId });
        builder.HasIndex(v => v.StatementId);
        builder.HasIndex(v => v.ConversationId);
        builder.HasOne<Participant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Statement>().WithMany().HasForeignKey(v => v.StatementId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(v => v.ConversationId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class ConversationResultConfiguration : IEntityTypeConfiguration<ConversationResult>
{
    public void Configure(EntityTypeBuilder<ConversationResult> builder)
    {
        builder.HasKey(r => r.ConversationId);
        builder.HasOne<Conversation>().WithOne().HasForeignKey<ConversationResult>(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
