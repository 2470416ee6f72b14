using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Organizations;

public enum OrganizationKind
{
    Company,
    ClusterOrAssociation,
    Ngo,
    UniversityOrSchool,
    PublicBody,
    CitizenGroup,
}

/// <summary>An organisation in the stakeholder registry (регистър на заинтересованите страни).</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Slug { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public OrganizationKind Kind { get; set; }
    /// <summary>Sectors, comma-separated free words (e.g. "ИКТ, образование").</summary>
    public string Sectors { get; set; } = "";
    public string? Website { get; set; }
    /// <summary>Plain text, a paragraph or two.</summary>
    public LocalizedText Description { get; set; } = new();
    /// <summary>Public contact address of the organisation, if it wants one shown.</summary>
    public string? ContactEmail { get; set; }
    /// <summary>Listed in the public registry. Organisations created from a join request start unlisted until accepted.</summary>
    public bool Listed { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasIndex(o => o.Slug).IsUnique();
        // The registry at city size (issue 12): the sector filter's options are the distinct values of this index, and the
        // count of listed (by kind) organisations reads an index rather than every row.
        builder.HasIndex(o => new { o.Listed, o.Sectors });
        builder.HasIndex(o => new { o.Listed, o.Kind });
        builder.Property(o => o.Slug).HasMaxLength(200);
        builder.Localized(o => o.Name, 300);
        builder.Localized(o => o.Description, 4000);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Sectors).HasMaxLength(500);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.Property(o => o.ContactEmail).HasMaxLength(256);
    }
}
