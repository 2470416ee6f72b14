using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Events;

public enum EventType
{
    Workshop,
    Webinar,
    Meeting,
    PublicHearing,
}

public enum EventFormat
{
    InPerson,
    Online,
    Hybrid,
}

/// <summary>An event (събитие): a workshop, webinar, meeting or public hearing, usually within a process.</summary>
public sealed class Event
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The process it belongs to; null for a stand-alone event of the municipality.</summary>
    public Guid? ProcessId { get; set; }
    public EventType Type { get; set; }
    public EventFormat Format { get; set; }
    public LocalizedText Title { get; set; } = new();
    /// <summary>Markdown, rendered sanitised.</summary>
    public LocalizedText Description { get; set; } = new();
    /// <summary>UTC; shown in Europe/Sofia.</summary>
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string Address { get; set; } = "";
    public string Venue { get; set; } = "";
    /// <summary>A <see cref="Districts"/> key, or null.</summary>
    public string? District { get; set; }
    /// <summary>Shown only to registered people, from an hour before the start.</summary>
    public string? MeetingUrl { get; set; }
    public LocalizedText Organiser { get; set; } = new();
    /// <summary>Places; null is unlimited.</summary>
    public int? Capacity { get; set; }
    /// <summary>When registration closes (UTC); null means at the start.</summary>
    public DateTime? RegistrationClosesAt { get; set; }
    /// <summary>Stored counters, kept by the registration code in the same transaction as the registration.</summary>
    public int RegisteredCount { get; set; }
    public int WaitingCount { get; set; }
    /// <summary>After the event: minutes and outcomes, Markdown.</summary>
    public LocalizedText Minutes { get; set; } = new();
    public LocalizedText Outcomes { get; set; } = new();
    public int? AttendanceCount { get; set; }
    public bool Published { get; set; }
    public DateTime? PublishedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>iCalendar SEQUENCE: bumped on every change a calendar should pick up.</summary>
    public int Sequence { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];
}

public sealed class AgendaItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EventId { get; set; }
    public int Position { get; set; }
    /// <summary>Local Sofia time of day, e.g. 10:30; optional.</summary>
    public TimeOnly? StartsAt { get; set; }
    public LocalizedText Title { get; set; } = new();
}

/// <summary>An organisation that took part in an event: its participation history is built from these.</summary>
public sealed class EventOrganization
{
    public Guid EventId { get; set; }
    public Guid OrganizationId { get; set; }
}

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.Localized(e => e.Title, 300);
        builder.Localized(e => e.Description);
        builder.Localized(e => e.Organiser, 300);
        builder.Localized(e => e.Minutes);
        builder.Localized(e => e.Outcomes);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Address).HasMaxLength(300);
        builder.Property(e => e.Venue).HasMaxLength(300);
        builder.Property(e => e.District).HasMaxLength(50);
        builder.Property(e => e.MeetingUrl).HasMaxLength(500);
        // The event lists (issue 12, 3,000 events at city size) walk this index in date order and test visibility
        // (published, process) and upcoming/past (EndsAt) from it alone: the count and the page's ids read no rows.
        // Its first column serves everything that needs events by start time.
        builder.HasIndex(e => new { e.StartsAt, e.Id, e.EndsAt, e.Published, e.ProcessId });
        builder.HasIndex(e => new { e.ProcessId, e.StartsAt });
        builder.HasOne<Process>().WithMany().HasForeignKey(e => e.ProcessId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Agenda).WithOne().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Localized(a => a.Title, 300);
        builder.HasIndex(a => new { a.EventId, a.Position });
    }
}

public sealed class EventOrganizationConfiguration : IEntityTypeConfiguration<EventOrganization>
{
    public void Configure(EntityTypeBuilder<EventOrganization> builder)
    {
        builder.HasKey(x => new { x.EventId, x.OrganizationId });
        builder.HasIndex(x => x.OrganizationId);
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public enum RegistrationStatus
{
    Registered,
    Waiting,
}

/// <summary>A person's place at an event (записване), or their place on the waiting list (списък на чакащите).</summary>
public sealed class EventRegistration
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EventId { get; set; }
    public Guid UserId { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>When the person got a place: at registration, or when promoted from the waiting list.</summary>
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>Marked by the organiser after the event; null means not marked.</summary>
    public bool? Attended { get; set; }
}

public sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        // One registration per person and event, whatever races the requests run.
        builder.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Status, r.CreatedAt });
        builder.HasIndex(r => r.UserId);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgoraUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A document published after the event (PDF, ODT, DOCX), stored in the database.</summary>
public sealed class EventDocument
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EventId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
}

public sealed class EventDocumentConfiguration : IEntityTypeConfiguration<EventDocument>
{
    public void Configure(EntityTypeBuilder<EventDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.HasIndex(d => d.EventId);
        builder.HasOne<Event>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Modules that react when an event is first published in a process (followers are told, accepted organisations
/// are invited). Called by the events module inside the unit of work that publishes, before it saves, so the
/// e-mails they enqueue commit or roll back with the publication.
/// </summary>
public interface IEventPublishedHandler
{
    Task OnEventPublishedAsync(Event published, CancellationToken ct);
}
