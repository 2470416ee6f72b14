using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Learning;

/// <summary>Who a guide or course is written for.</summary>
public enum Audience
{
    Citizens,
    Organisations,
    MunicipalStaff,
}

public enum LearningTopic
{
    TakingPart,
    EServices,
    OpenData,
    RunningWorkshop,
    WritingProposal,
    Accessibility,
    PersonalData,
}

/// <summary>A short plain-language article (наръчник) on how to take part or how to run participation well.</summary>
public sealed class Guide
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    /// <summary>One or two sentences, plain text, for lists and search results.</summary>
    public LocalizedText Summary { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Body { get; set; } = new();
    public Audience Audience { get; set; }
    public LearningTopic Topic { get; set; }
    /// <summary>Computed from the body's word count when it is saved, per language.</summary>
    public int ReadingMinutesBg { get; set; }
    public int ReadingMinutesEn { get; set; }
    /// <summary>When an editor last checked that the guide is still true (a Sofia calendar date).</summary>
    public DateOnly ReviewedOn { get; set; }
    public bool Published { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public void SetBody(LocalizedText body)
    {
        Body = body;
        ReadingMinutesBg = ReadingTime.Minutes(body.Bg);
        ReadingMinutesEn = ReadingTime.Minutes(body.En);
    }
}

/// <summary>A live process a guide points to ("take part now"); shown only while the reader may see the process.</summary>
public sealed class GuideProcess
{
    public Guid GuideId { get; set; }
    public Guid ProcessId { get; set; }
}

/// <summary>An ordered set of lessons, each ending with a short quiz; passing all of them earns a completion record.</summary>
public sealed class Course
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    public Audience Audience { get; set; }
    public LearningTopic Topic { get; set; }
    public bool Published { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<Lesson> Lessons { get; set; } = [];
}

public sealed class Lesson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CourseId { get; set; }
    /// <summary>1, 2, 3 … : the number in the lesson's URL and the order learners must follow.</summary>
    public int Position { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Body { get; set; } = new();
    public string? VideoUrl { get; set; }
    public string? DocumentUrl { get; set; }

    public List<QuizQuestion> Questions { get; set; } = [];
}

public sealed class QuizQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid LessonId { get; set; }
    public int Position { get; set; }
    public LocalizedText Text { get; set; } = new();
    /// <summary>Shown after the learner answers, whether they were right or not.</summary>
    public LocalizedText Explanation { get; set; } = new();
    /// <summary>Several options may be right (check boxes); otherwise exactly one is (radio buttons).</summary>
    public bool MultipleChoice { get; set; }

    public List<QuizOption> Options { get; set; } = [];
}

public sealed class QuizOption
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid QuestionId { get; set; }
    public int Position { get; set; }
    public LocalizedText Text { get; set; } = new();
    public bool IsCorrect { get; set; }
}

/// <summary>A webinar or workshop of the events module that goes with a course (registration happens there).</summary>
public sealed class CourseEvent
{
    public Guid CourseId { get; set; }
    public Guid EventId { get; set; }
}

/// <summary>
/// One learner in one course. Unique per (course, learner), so repeated or parallel submissions never create a
/// second one. Completion sets <see cref="CompletedAt"/> and the public <see cref="CertificateCode"/> once.
/// </summary>
public sealed class Enrolment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CourseId { get; set; }
    public Guid UserId { get; set; }
    public DateTime EnrolledAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>12 characters from <see cref="CertificateCodes.Alphabet"/>, stored without dashes.</summary>
    public string? CertificateCode { get; set; }
    /// <summary>The learner asked that the public check show the course and date but not their name.</summary>
    public bool HideName { get; set; }
}

/// <summary>A submitted quiz: kept for every attempt, so administrators see what learners get wrong.</summary>
public sealed class QuizAttempt
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid LessonId { get; set; }
    public Guid UserId { get; set; }
    public DateTime SubmittedAt { get; set; }
    public int Correct { get; set; }
    public int Total { get; set; }
    public bool Passed { get; set; }

    public List<QuizAnswer> Answers { get; set; } = [];
}

public sealed class QuizAnswer
{
    public Guid AttemptId { get; set; }
    public Guid QuestionId { get; set; }
    /// <summary>The chosen option ids, comma-separated, as submitted (after validation).</summary>
    public string ChosenOptionIds { get; set; } = "";
    public bool Correct { get; set; }
}

/// <summary>A lesson a learner has passed. The primary key (lesson, learner) makes passing idempotent.</summary>
public sealed class LessonPass
{
    public Guid LessonId { get; set; }
    public Guid UserId { get; set; }
    public Guid AttemptId { get; set; }
    public DateTime PassedAt { get; set; }
}

public sealed class GuideConfiguration : IEntityTypeConfiguration<Guide>
{
    public void Configure(EntityTypeBuilder<Guide> builder)
    {
        builder.Property(g => g.Slug).HasMaxLength(200);
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.Localized(g => g.Title, 300);
        builder.Localized(g => g.Summary, 1000);
        builder.Localized(g => g.Body);
        builder.Property(g => g.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Property(g => g.Topic).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(g => new { g.Published, g.Audience, g.Topic });
    }
}

public sealed class GuideProcessConfiguration : IEntityTypeConfiguration<GuideProcess>
{
    public void Configure(EntityTypeBuilder<GuideProcess> builder)
    {
        builder.HasKey(x => new { x.GuideId, x.ProcessId });
        builder.HasIndex(x => x.ProcessId);
        builder.HasOne<Guide>().WithMany().HasForeignKey(x => x.GuideId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Process>().WithMany().HasForeignKey(x => x.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(200);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Localized(c => c.Title, 300);
        builder.Localized(c => c.Summary, 1000);
        builder.Localized(c => c.Description);
        builder.Property(c => c.Audience).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Topic).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(c => new { c.Published, c.Audience, c.Topic });
        builder.HasMany(c => c.Lessons).WithOne().HasForeignKey(l => l.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.Localized(l => l.Title, 300);
        builder.Localized(l => l.Body);
        builder.Property(l => l.VideoUrl).HasMaxLength(500);
        builder.Property(l => l.DocumentUrl).HasMaxLength(500);
        builder.HasIndex(l => new { l.CourseId, l.Position }).IsUnique();
        builder.HasMany(l => l.Questions).WithOne().HasForeignKey(q => q.LessonId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizQuestionConfiguration : IEntityTypeConfiguration<QuizQuestion>
{
    public void Configure(EntityTypeBuilder<QuizQuestion> builder)
    {
        builder.Localized(q => q.Text, 1000);
        builder.Localized(q => q.Explanation, 2000);
        builder.HasIndex(q => new { q.LessonId, q.Position });
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizOptionConfiguration : IEntityTypeConfiguration<QuizOption>
{
    public void Configure(EntityTypeBuilder<QuizOption> builder)
    {
        builder.Localized(o => o.Text, 500);
        builder.HasIndex(o => new { o.QuestionId, o.Position });
    }
}

public sealed class CourseEventConfiguration : IEntityTypeConfiguration<CourseEvent>
{
    public void Configure(EntityTypeBuilder<CourseEvent> builder)
    {
        builder.HasKey(x => new { x.CourseId, x.EventId });
        builder.HasIndex(x => x.EventId);
        builder.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasIndex(e => new { e.CourseId, e.UserId }).IsUnique();
        builder.HasIndex(e => e.UserId);
        builder.Property(e => e.CertificateCode).HasMaxLength(20);
        // Both SQLite and PostgreSQL allow many NULLs under a unique index: only issued codes must differ.
        builder.HasIndex(e => e.CertificateCode).IsUnique();
        builder.HasOne<Course>().WithMany().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.HasIndex(a => new { a.UserId, a.LessonId });
        builder.HasIndex(a => a.LessonId);
        builder.HasOne<Lesson>().WithMany().HasForeignKey(a => a.LessonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class QuizAnswerConfiguration : IEntityTypeConfiguration<QuizAnswer>
{
    public void Configure(EntityTypeBuilder<QuizAnswer> builder)
    {
        builder.HasKey(a => new { a.AttemptId, a.QuestionId });
        builder.Property(a => a.ChosenOptionIds).HasMaxLength(1000);
        builder.HasIndex(a => new { a.QuestionId, a.Correct });
        builder.HasOne<QuizQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LessonPassConfiguration : IEntityTypeConfiguration<LessonPass>
{
    public void Configure(EntityTypeBuilder<LessonPass> builder)
    {
        builder.HasKey(p => new { p.LessonId, p.UserId });
        builder.HasIndex(p => p.UserId);
        builder.HasOne<Lesson>().WithMany().HasForeignKey(p => p.LessonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QuizAttempt>().WithMany().HasForeignKey(p => p.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}
