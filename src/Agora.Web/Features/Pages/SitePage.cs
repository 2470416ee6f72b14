using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Pages;

/// <summary>An administrator-written page (e.g. the home page's welcome text), Markdown in both languages.</summary>
public sealed class SitePage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Body { get; set; } = new();
    public DateTime UpdatedAt { get; set; }
}

public sealed class SitePageConfiguration : IEntityTypeConfiguration<SitePage>
{
    public void Configure(EntityTypeBuilder<SitePage> builder)
    {
        // The table's name from when the context named it; the context no longer knows the module.
        builder.ToTable("SitePages");
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(200);
        builder.ComplexProperty(p => p.Title, t =>
        {
            t.Property(x => x.Bg).HasColumnName("TitleBg").HasMaxLength(300);
            t.Property(x => x.En).HasColumnName("TitleEn").HasMaxLength(300);
        });
        builder.ComplexProperty(p => p.Body, t =>
        {
            t.Property(x => x.Bg).HasColumnName("BodyBg");
            t.Property(x => x.En).HasColumnName("BodyEn");
        });
    }
}
