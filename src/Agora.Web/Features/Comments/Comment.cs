using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Comments;

/// <summary>Where the comment's author stands on the thing commented.</summary>
public enum Stance
{
    Neutral,
    InFavour,
    Against,
}

/// <summary>
/// A comment (коментар) on anything commentable, keyed by (TargetType, TargetId): proposals now, debates,
/// events and budget projects later. Threaded to <see cref="CommentService.MaxDepth"/>; every reply carries the id
/// of its top-level comment (<see cref="RootId"/>) so a page of a thread loads all its replies in one query.
/// </summary>
public sealed class Comment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TargetType { get; set; } = "";
    public Guid TargetId { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>The top-level comment of the thread; its own id for a top-level comment.</summary>
    public Guid RootId { get; set; }
    /// <summary>1 for top-level comments, up to 3.</summary>
    public int Depth { get; set; }
    public Guid AuthorId { get; set; }
    /// <summary>Markdown subset, rendered sanitised.</summary>
    public string Body { get; set; } = "";
    public Stance Stance { get; set; }
    public int Upvotes { get; set; }
    public int Downvotes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    public DateTime? HiddenAt { get; set; }
    public string? HiddenReason { get; set; }
}

/// <summary>One up (+1) or down (−1) vote per person and comment.</summary>
public sealed class CommentVote
{
    public Guid CommentId { get; set; }
    public Guid UserId { get; set; }
    public int Value { get; set; }
}

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.TargetType).HasMaxLength(40);
        builder.Property(c => c.Body).HasMaxLength(5000);
        builder.Property(c => c.Stance).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.HiddenReason).HasMaxLength(500);
        builder.HasIndex(c => new { c.TargetType, c.TargetId, c.Depth, c.CreatedAt });
        // The thread's stance counts (issue 12: a 5,000-comment thread) from the index alone, not from every comment row.
        builder.HasIndex(c => new { c.TargetType, c.TargetId, c.Stance, c.DeletedAt, c.HiddenAt });
        builder.HasIndex(c => c.RootId);
        builder.HasIndex(c => c.AuthorId);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommentVoteConfiguration : IEntityTypeConfiguration<CommentVote>
{
    public void Configure(EntityTypeBuilder<CommentVote> builder)
    {
        builder.HasKey(v => new { v.CommentId, v.UserId });
        builder.HasOne<Comment>().WithMany().HasForeignKey(v => v.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
