using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Imports;

public enum ImportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A file import that runs in the background (census, Pol.is): queued by the upload, claimed by one node's worker
/// with a conditional update, its progress and result kept on the row for the job's page.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Which handler runs it (<see cref="IImportHandler.Kind"/>).</summary>
    public string Kind { get; set; } = "";
    public ImportStatus Status { get; set; }

    /// <summary>What the job imports, for people: the file name or the conversation's topic.</summary>
    public string Title { get; set; } = "";

    /// <summary>The handler's own parameters (JSON), e.g. the process and topic of a Pol.is import.</summary>
    public string Parameters { get; set; } = "{}";

    /// <summary>The process the import belongs to, when it belongs to one (a Pol.is import); null for the census.</summary>
    public Guid? ProcessId { get; set; }

    public Guid CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>The worker running it keeps the claim fresh; after it lapses (a node died) another node takes the job.</summary>
    public Guid? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }

    public long Bytes { get; set; }
    public int RowsRead { get; set; }
    public int RowsRefused { get; set; }
    public int RowsToSave { get; set; }
    public int RowsSaved { get; set; }
    public int RowsAdded { get; set; }
    public int RowsUpdated { get; set; }

    /// <summary>The first refused lines, one per line of text: file, line number and reason (a resource key).</summary>
    public string Refusals { get; set; } = "";

    /// <summary>Why the job failed as a whole (a broken file, a database error), for the job's page.</summary>
    public string? Error { get; set; }

    /// <summary>Where the imported thing can be seen, e.g. the new conversation's page.</summary>
    public string? ResultUrl { get; set; }

    public bool Finished => Status is ImportStatus.Succeeded or ImportStatus.Failed;

    /// <summary>The refused lines, parsed back from <see cref="Refusals"/>.</summary>
    public IReadOnlyList<ImportRefusal> RefusalList() =>
        [.. Refusals.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ImportRefusal.Parse).OfType<ImportRefusal>()];
}

/// <summary>A line an import did not take: the file, the line number, why (a resource key) and the offending value.</summary>
public sealed record ImportRefusal(string File, int Line, string Reason, string Detail = "")
{
    public string Format() => $"{File}\t{Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}\t{Reason}\t{Detail.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ')}";

    public static ImportRefusal? Parse(string text)
    {
        var parts = text.Split('\t');
        return parts.Length >= 3 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var line)
            ? new ImportRefusal(parts[0], line, parts[2], parts.Length > 3 ? parts[3] : "")
            : null;
    }
}

/// <summary>An uploaded file waiting for its job; deleted when the job finishes.</summary>
public sealed class ImportFile
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid JobId { get; set; }
    public string Name { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(j => j.Kind).HasMaxLength(40);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Title).HasMaxLength(300);
        builder.Property(j => j.Parameters).HasMaxLength(4000);
        builder.Property(j => j.Refusals).HasMaxLength(200_000);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.Property(j => j.ResultUrl).HasMaxLength(500);
        // The worker's query: the oldest queued job, or a running one whose claim lapsed.
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.Kind, j.CreatedAt });
        builder.HasIndex(j => new { j.ProcessId, j.CreatedAt });
    }
}

public sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(100);
        builder.HasIndex(f => f.JobId);
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(f => f.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
