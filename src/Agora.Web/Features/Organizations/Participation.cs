using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Organizations;

public enum RepresentativeStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>A person who asked to act on an organisation's behalf; approved by a site administrator.</summary>
public sealed class OrganizationRepresentative
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public RepresentativeStatus Status { get; set; }
    /// <summary>What the person wrote when asking (their role in the organisation).</summary>
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
}

public enum JoinRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// An organisation asks to take part in a process's next conversations (заявка за участие). It names a registered
/// organisation its author represents, or describes a new one, which the registry gains when the request is accepted.
/// </summary>
public sealed class JoinRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProcessId { get; set; }
    /// <summary>The signed-in author, or null for an anonymous request.</summary>
    public Guid? UserId { get; set; }
    /// <summary>The registered organisation: chosen by the author, or created when the request is accepted.</summary>
    public Guid? OrganizationId { get; set; }
    public string OrganizationName { get; set; } = "";
    public OrganizationKind? OrganizationKind { get; set; }
    public string? OrganizationWebsite { get; set; }
    /// <summary>What the organisation can bring to the conversations.</summary>
    public string Contribution { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    /// <summary>"bg" or "en": the language the request was written in, and of the e-mails about it.</summary>
    public string Culture { get; set; } = "bg";
    public JoinRequestStatus Status { get; set; }
    public string? DeclineReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
}

/// <summary>An organisation taking part in a process (accepted join request, or recorded by an administrator).</summary>
public sealed class ProcessOrganization
{
    public Guid ProcessId { get; set; }
    public Guid OrganizationId { get; set; }
    public DateTime JoinedAt { get; set; }
}

/// <summary>An invitation already sent to an organisation for an event, so nobody is invited twice.</summary>
public sealed class OrganizationInvitation
{
    public Guid EventId { get; set; }
    public Guid OrganizationId { get; set; }
    public DateTime SentAt { get; set; }
}

public sealed class OrganizationRepresentativeConfiguration : IEntityTypeConfiguration<OrganizationRepresentative>
{
    public void Configure(EntityTypeBuilder<OrganizationRepresentative> builder)
    {
        builder.HasIndex(r => new { r.OrganizationId, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.UserId, r.Status });
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class JoinRequestConfiguration : IEntityTypeConfiguration<JoinRequest>
{
    public void Configure(EntityTypeBuilder<JoinRequest> builder)
    {
        builder.HasIndex(r => new { r.ProcessId, r.Status, r.CreatedAt });
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => r.OrganizationId);
        builder.Property(r => r.OrganizationName).HasMaxLength(300);
        builder.Property(r => r.OrganizationKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.OrganizationWebsite).HasMaxLength(500);
        builder.Property(r => r.Contribution).HasMaxLength(2000);
        builder.Property(r => r.ContactName).HasMaxLength(200);
        builder.Property(r => r.ContactEmail).HasMaxLength(256);
        builder.Property(r => r.Culture).HasMaxLength(5);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DeclineReason).HasMaxLength(1000);
        builder.HasOne<Process>().WithMany().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.DecidedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ProcessOrganizationConfiguration : IEntityTypeConfiguration<ProcessOrganization>
{
    public void Configure(EntityTypeBuilder<ProcessOrganization> builder)
    {
        builder.HasKey(x => new { x.ProcessId, x.OrganizationId });
        builder.HasIndex(x => x.OrganizationId);
        builder.HasOne<Process>().WithMany().HasForeignKey(x => x.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrganizationInvitationConfiguration : IEntityTypeConfiguration<OrganizationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganizationInvitation> builder)
    {
        builder.HasKey(x => new { x.EventId, x.OrganizationId });
        builder.HasIndex(x => x.OrganizationId);
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
