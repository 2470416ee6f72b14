using System.Text;
using System.Text.Json;
using Agora.Web.Features.Imports;
using Agora.Web.Infrastructure.Audit;

namespace Agora.Web.Features.Conversations;

/// <summary>What a queued Pol.is import needs besides its two files.</summary>
public sealed record PolisImportParameters(Guid ProcessId, string ProcessSlug, string TopicBg, string TopicEn);

/// <summary>Runs a queued Pol.is import (comments.csv + votes.csv) into a new, unpublished conversation.</summary>
public sealed class PolisImport(PolisInterchange polis, AuditLog audit, TimeProvider clock) : IImportHandler
{
    public const string KindName = "polis";

    public string Kind => KindName;

    public async Task RunAsync(ImportJob job, IReadOnlyDictionary<string, byte[]> files, ImportProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(files);
        var p = JsonSerializer.Deserialize<PolisImportParameters>(job.Parameters)
            ?? throw new InvalidDataException("The job has no parameters.");
        var now = clock.GetUtcNow().UtcDateTime;
        var c = new Conversation
        {
            ProcessId = p.ProcessId,
            Topic = new(p.TopicBg, p.TopicEn),
            CreatedById = job.CreatedById,
            CreatedAt = now,
            UpdatedAt = now,
        };
        using var comments = new StreamReader(new MemoryStream(files["comments.csv"]), Encoding.UTF8);
        using var votes = new StreamReader(new MemoryStream(files["votes.csv"]), Encoding.UTF8);
        audit.Record(job.CreatedById, "import", "conversation.import", "conversation", c.Id.ToString(), c.Topic.Bg);
        // The audit entry is added to the unit of work and saved with the conversation.
        await polis.ImportAsync(c, comments, votes, progress, ct);
        job.ResultUrl = $"/processes/{p.ProcessSlug}/conversations/{c.Id}/manage";
    }
}
