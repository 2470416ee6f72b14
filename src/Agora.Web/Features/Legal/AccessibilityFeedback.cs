using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Legal;

/// <summary>
/// A report that something on the platform is not accessible, sent through the form the accessibility statement
/// links to (Directive (EU) 2016/2102, Art. 7(1)(b)). Kept so administrators can answer within the 14 days promised.
/// </summary>
public sealed class AccessibilityFeedback
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? PageAddress { get; set; }
    public string Description { get; set; } = "";
    public string? AssistiveTechnology { get; set; }
    public string Culture { get; set; } = "bg";
    public Guid? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class AccessibilityFeedbackConfiguration : IEntityTypeConfiguration<AccessibilityFeedback>
{
    public void Configure(EntityTypeBuilder<AccessibilityFeedback> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.Property(f => f.Email).HasMaxLength(256);
        builder.Property(f => f.PageAddress).HasMaxLength(500);
        builder.Property(f => f.Description).HasMaxLength(4000);
        builder.Property(f => f.AssistiveTechnology).HasMaxLength(200);
        builder.Property(f => f.Culture).HasMaxLength(5);
        builder.HasIndex(f => f.CreatedAt);
    }
}
