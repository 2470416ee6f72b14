using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Moderation;

public enum ReportReason
{
    Spam,
    Offensive,
    Illegal,
    OffTopic,
    Duplicate,
}

/// <summary>A report (сигнал за нарушение) of a piece of content by a signed-in person; one per person and content.</summary>
public sealed class Report
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TargetType { get; set; } = "";
    public Guid TargetId { get; set; }
    public Guid ReporterId { get; set; }
    public ReportReason Reason { get; set; }
    public string Details { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when a moderator decided on the content (hid, restored or dismissed).</summary>
    public DateTime? ResolvedAt { get; set; }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.TargetType).HasMaxLength(40);
        builder.Property(r => r.Details).HasMaxLength(1000);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.TargetType, r.TargetId, r.ReporterId }).IsUnique();
        builder.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
    }
}
