using System.Security.Claims;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Infrastructure.Audit;

/// <summary>One action of an administrator or moderator: who, what, on what, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }

    /// <summary>A snapshot of the actor's name, so the log still reads after the account is renamed or erased.</summary>
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string TargetType { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string Details { get; set; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.TargetType, e.TargetId });
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.TargetType).HasMaxLength(100);
        builder.Property(e => e.TargetId).HasMaxLength(100);
        builder.Property(e => e.Details).HasMaxLength(2000);
    }
}

/// <summary>Adds audit entries to the caller's unit of work, so the entry and the act commit together.</summary>
public sealed class AuditLog(AgoraDb db, TimeProvider clock)
{
    public void Record(ClaimsPrincipal actor, string action, string targetType, string targetId, string details = "")
    {
        var id = Guid.TryParse(actor.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        Record(id, actor.Identity?.Name ?? "system", action, targetType, targetId, details);
    }

    public void Record(Guid? actorId, string actorName, string action, string targetType, string targetId, string details = "")
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Details = details.Length > 2000 ? details[..2000] : details,
        });
    }
}
