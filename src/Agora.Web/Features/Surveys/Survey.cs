using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Surveys;

/// <summary>Who may answer a survey.</summary>
public enum SurveyAudience
{
    /// <summary>Anyone: signed-in people once per account, visitors once per browser (a token in a cookie).</summary>
    Everyone,
    SignedIn,
    /// <summary>Signed-in people whose confirmed e-mail is on the survey's invitee list.</summary>
    Invitees,
}

public enum QuestionType
{
    /// <summary>A section heading between questions; not answerable.</summary>
    Section,
    SingleChoice,
    MultipleChoice,
    ShortText,
    LongText,
    Number,
    /// <summary>A 1–5 or 0–10 scale (<see cref="SurveyQuestion.ScaleMin"/>..<see cref="SurveyQuestion.ScaleMax"/>).</summary>
    Scale,
    Ranking,
    /// <summary>Rows (the question's options) each rated on the question's scale.</summary>
    Matrix,
    Date,
}

/// <summary>A survey (анкета) of a process, built by its administrators; optionally tied to an event.</summary>
public sealed class Survey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public Guid? EventId { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    public SurveyAudience Audience { get; set; }
    /// <summary>Answering is open (the survey is visible to everyone who may see the process).</summary>
    public bool Published { get; set; }
    public bool Closed { get; set; }
    /// <summary>UTC; after it no answers are taken.</summary>
    public DateTime? ClosesAt { get; set; }
    /// <summary>Everyone may read the aggregated results (the open-data API reads this too).</summary>
    public bool ResultsPublic { get; set; }
    /// <summary>Everyone may download the individual (unnamed) answers as CSV/JSON.</summary>
    public bool AnswersPublic { get; set; }
    /// <summary>Stored counter, updated in the same transaction as a submission.</summary>
    public int ResponseCount { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOpenAt(DateTime utcNow) => Published && !Closed && (ClosesAt == null || utcNow < ClosesAt);
}

/// <summary>A question, or a section heading, at a position in the survey.</summary>
public sealed class SurveyQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public int Position { get; set; }
    public QuestionType Type { get; set; }
    public LocalizedText Text { get; set; } = new();
    public bool Required { get; set; }
    /// <summary>Multiple choice: how many may be ticked; Number: the allowed range.</summary>
    public int? Min { get; set; }
    public int? Max { get; set; }
    /// <summary>Scale and matrix: 1..5 or 0..10.</summary>
    public int ScaleMin { get; set; } = 1;
    public int ScaleMax { get; set; } = 5;
    /// <summary>Shown (and answered) only when this earlier question has <see cref="ConditionOptionId"/> among its answers.</summary>
    public Guid? ConditionQuestionId { get; set; }
    public Guid? ConditionOptionId { get; set; }

    public bool HasOptions => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Ranking or QuestionType.Matrix;
}

/// <summary>A choice of a choice or ranking question, or a row of a matrix question.</summary>
public sealed class SurveyOption
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid QuestionId { get; set; }
    public Guid SurveyId { get; set; }
    public int Position { get; set; }
    public LocalizedText Text { get; set; } = new();
}

/// <summary>An e-mail address the administrator invited; the person answers signed in with it confirmed.</summary>
public sealed class SurveyInvitee
{
    public Guid SurveyId { get; set; }
    /// <summary>Upper-cased, like Identity's normalized e-mail.</summary>
    public string NormalizedEmail { get; set; } = "";
    /// <summary>When the invitation e-mail was queued; null until the administrator sends invitations.</summary>
    public DateTime? InvitedAt { get; set; }
}

/// <summary>One person's (or browser's) submitted answers. Unique per survey and respondent and per survey and token.</summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SurveyId { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>SHA-256 (hex) of the browser's random token, for anonymous answers.</summary>
    public string? TokenHash { get; set; }
    /// <summary>The respondent's stakeholder kind when they answered: an OrganizationKind, "Individual" or "Unknown".</summary>
    public string StakeholderKind { get; set; } = StakeholderKinds.Unknown;
    public DateTime SubmittedAt { get; set; }
}

/// <summary>One value of a response: a chosen option, a text, a number or scale value, a date, a rank, a matrix cell.</summary>
public sealed class SurveyAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ResponseId { get; set; }
    public Guid SurveyId { get; set; }
    public Guid QuestionId { get; set; }
    /// <summary>Choice and ranking: the option; matrix: the row.</summary>
    public Guid? OptionId { get; set; }
    public string? Text { get; set; }
    /// <summary>Number, scale value, matrix cell value or rank (1 = first).</summary>
    public double? Number { get; set; }
    public DateOnly? Date { get; set; }
}

public static class StakeholderKinds
{
    public const string Individual = "Individual";
    public const string Unknown = "Unknown";
}

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.Localized(s => s.Title, 300);
        builder.Localized(s => s.Description, 4000);
        builder.Property(s => s.Audience).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.ProcessId, s.CreatedAt });
        builder.HasIndex(s => s.EventId);
        builder.HasOne<Process>().WithMany().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.Localized(q => q.Text, 1000);
        builder.Property(q => q.Type).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(q => new { q.SurveyId, q.Position });
        builder.HasOne<Survey>().WithMany().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyOptionConfiguration : IEntityTypeConfiguration<SurveyOption>
{
    public void Configure(EntityTypeBuilder<SurveyOption> builder)
    {
        builder.Localized(o => o.Text, 300);
        builder.HasIndex(o => new { o.QuestionId, o.Position });
        builder.HasIndex(o => o.SurveyId);
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Survey>().WithMany().HasForeignKey(o => o.SurveyId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class SurveyInviteeConfiguration : IEntityTypeConfiguration<SurveyInvitee>
{
    public void Configure(EntityTypeBuilder<SurveyInvitee> builder)
    {
        builder.HasKey(i => new { i.SurveyId, i.NormalizedEmail });
        builder.Property(i => i.NormalizedEmail).HasMaxLength(256);
        builder.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.Property(r => r.TokenHash).HasMaxLength(64);
        builder.Property(r => r.StakeholderKind).HasMaxLength(30);
        // One answer per person and per browser, whatever the timing of parallel submissions.
        builder.HasIndex(r => new { r.SurveyId, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.SurveyId, r.TokenHash }).IsUnique();
        builder.HasIndex(r => new { r.SurveyId, r.SubmittedAt });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(4000);
        builder.HasIndex(a => a.ResponseId);
        builder.HasIndex(a => new { a.QuestionId, a.OptionId });
        builder.HasIndex(a => a.SurveyId);
        builder.HasOne<SurveyResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Survey>().WithMany().HasForeignKey(a => a.SurveyId).OnDelete(DeleteBehavior.NoAction);
    }
}
