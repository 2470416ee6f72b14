using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.News;

/// <summary>A news post (новина): site-wide, or within a process. Drafts are seen only by those who manage them.</summary>
public sealed class NewsPost
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Transliterated from the Bulgarian title when first saved; kept afterwards so links stay valid.</summary>
    public string Slug { get; set; } = "";
    public Guid? ProcessId { get; set; }
    public LocalizedText Title { get; set; } = new();

    /// <summary>One paragraph, plain text: lists, feeds' summaries and e-mails show it.</summary>
    public LocalizedText Lead { get; set; } = new();

    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Body { get; set; } = new();
    public Guid? AuthorId { get; set; }

    /// <summary>The name shown under the post, a snapshot (an organisation may sign, e.g. "Иновативна София").</summary>
    public string AuthorName { get; set; } = "";
    public bool Published { get; set; }

    /// <summary>The post's date: set at first publication (the demo back-dates it).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Set when the process's followers were told, so publishing again after an edit does not mail them twice.</summary>
    public DateTime? FollowersNotifiedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class NewsPostConfiguration : IEntityTypeConfiguration<NewsPost>
{
    public void Configure(EntityTypeBuilder<NewsPost> builder)
    {
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(200);
        builder.Property(p => p.AuthorName).HasMaxLength(200);
        builder.Localized(p => p.Title, 300);
        builder.Localized(p => p.Lead, 2000);
        builder.Localized(p => p.Body);
        builder.HasIndex(p => new { p.Published, p.PublishedAt });
        builder.HasIndex(p => new { p.ProcessId, p.PublishedAt });
        builder.HasOne<Process>().WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}
