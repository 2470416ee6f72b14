using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.Swot;
using Agora.Web.Features.Workshops;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Needs;

/// <summary>Where a need stands; "in the action plan" and "addressed" will link to implementation tracking.</summary>
public enum NeedStatus
{
    Identified,
    Prioritised,
    InActionPlan,
    Addressed,
}

/// <summary>How participants prioritise: rank their top five (Borda count) or spread 100 points.</summary>
public enum RankingMethod
{
    TopFive,
    Points,
}

/// <summary>
/// A need, challenge or priority (нужда) of a process, written by its facilitators in both languages. Kept plain on
/// purpose: other modules (commitments, implementation tracking) refer to it by Id and show its Title.
/// </summary>
public sealed class Need
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    /// <summary>A key of <see cref="AdministrationAreas"/>.</summary>
    public string Area { get; set; } = AdministrationAreas.Other;
    public NeedStatus Status { get; set; }
    public int Position { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A SWOT item the need comes from (many-to-many).</summary>
public sealed class NeedSwotItem
{
    public Guid NeedId { get; set; }
    public Guid SwotItemId { get; set; }
}

/// <summary>A proposal of the same process that answers the need (many-to-many).</summary>
public sealed class NeedProposal
{
    public Guid NeedId { get; set; }
    public Guid ProposalId { get; set; }
}

/// <summary>The prioritisation rules of a process's needs list; a process without a row ranks top five, open to all signed in.</summary>
public sealed class NeedsSettings
{
    public Guid ProcessId { get; set; }
    public Guid? EventId { get; set; }
    public RankingMethod Method { get; set; }
    public WorkshopEligibility Eligibility { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>A person's ballot on a process's needs. Written first in every submission, so that two submissions of
/// one person serialise on it and the per-need rows below always come from one of them.</summary>
public sealed class NeedBallot
{
    public Guid ProcessId { get; set; }
    public Guid UserId { get; set; }
    public DateTime SubmittedAt { get; set; }
}

/// <summary>One need on a person's ballot: its rank (top five) or its points (out of 100). A need appears once per
/// ballot (the key) and a rank once per ballot (unique index; NULL ranks of points ballots do not collide).</summary>
public sealed class NeedVote
{
    public Guid ProcessId { get; set; }
    public Guid UserId { get; set; }
    public Guid NeedId { get; set; }
    public int? Rank { get; set; }
    public int Points { get; set; }
}

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.Localized(n => n.Title, 200);
        builder.Localized(n => n.Description, 10_000);
        builder.Property(n => n.Area).HasMaxLength(40);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => new { n.ProcessId, n.Position });
        builder.HasOne<Process>().WithMany().HasForeignKey(n => n.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NeedSwotItemConfiguration : IEntityTypeConfiguration<NeedSwotItem>
{
    public void Configure(EntityTypeBuilder<NeedSwotItem> builder)
    {
        builder.HasKey(x => new { x.NeedId, x.SwotItemId });
        builder.HasIndex(x => x.SwotItemId);
        builder.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SwotItem>().WithMany().HasForeignKey(x => x.SwotItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NeedProposalConfiguration : IEntityTypeConfiguration<NeedProposal>
{
    public void Configure(EntityTypeBuilder<NeedProposal> builder)
    {
        builder.HasKey(x => new { x.NeedId, x.ProposalId });
        builder.HasIndex(x => x.ProposalId);
        builder.HasOne<Need>().WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NeedsSettingsConfiguration : IEntityTypeConfiguration<NeedsSettings>
{
    public void Configure(EntityTypeBuilder<NeedsSettings> builder)
    {
        builder.HasKey(s => s.ProcessId);
        builder.Property(s => s.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Eligibility).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Process>().WithOne().HasForeignKey<NeedsSettings>(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class NeedBallotConfiguration : IEntityTypeConfiguration<NeedBallot>
{
    public void Configure(EntityTypeBuilder<NeedBallot> builder)
    {
        builder.HasKey(b => new { b.ProcessId, b.UserId });
        builder.HasIndex(b => b.UserId);
        builder.HasOne<Process>().WithMany().HasForeignKey(b => b.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NeedVoteConfiguration : IEntityTypeConfiguration<NeedVote>
{
    public void Configure(EntityTypeBuilder<NeedVote> builder)
    {
        builder.HasKey(v => new { v.ProcessId, v.UserId, v.NeedId });
        builder.HasIndex(v => new { v.ProcessId, v.UserId, v.Rank }).IsUnique();
        builder.HasIndex(v => v.NeedId);
        builder.HasOne<Need>().WithMany().HasForeignKey(v => v.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NeedBallot>().WithMany().HasForeignKey(v => new { v.ProcessId, v.UserId }).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_NeedVotes_Rank", "\"Rank\" IS NULL OR (\"Rank\" BETWEEN 1 AND 5)");
            t.HasCheckConstraint("CK_NeedVotes_Points", "\"Points\" BETWEEN 0 AND 100");
        });
    }
}

/// <summary>
/// The areas of the city's administration a need belongs to: a fixed bilingual list rather than free text, so that
/// needs group and filter the same way in every process, read in both languages, and line up with the
/// municipality's departments when implementation is tracked. "Other" takes whatever does not fit.
/// </summary>
public static class AdministrationAreas
{
    public const string Other = "other";

    public static IReadOnlyList<(string Key, string Bg, string En)> All { get; } =
    [
        ("digital", "Дигитална трансформация и е-управление", "Digital transformation and e-government"),
        ("participation", "Гражданско участие и прозрачност", "Citizen participation and transparency"),
        ("economy", "Икономика, иновации и инвестиции", "Economy, innovation and investment"),
        ("education", "Образование и цифрови умения", "Education and digital skills"),
        ("mobility", "Транспорт и градска мобилност", "Transport and urban mobility"),
        ("urban-planning", "Устройство на територията", "Urban planning"),
        ("environment", "Околна среда", "Environment"),
        ("social", "Социални дейности и здравеопазване", "Social affairs and health"),
        ("culture", "Култура и туризъм", "Culture and tourism"),
        ("finance", "Финанси и общинска собственост", "Finance and municipal property"),
        (Other, "Друго", "Other"),
    ];

    public static bool IsKnown(string? key) => All.Any(a => a.Key == key);

    public static string NameOf(string key, System.Globalization.CultureInfo? culture = null)
    {
        var a = All.FirstOrDefault(x => x.Key == key);
        if (a.Key == null)
            return key;
        return (culture ?? System.Globalization.CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en" ? a.En : a.Bg;
    }
}
