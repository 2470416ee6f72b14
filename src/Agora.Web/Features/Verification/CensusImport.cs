using System.Globalization;
using System.Text;
using Agora.Web.Features.Imports;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Verification;

/// <summary>
/// The census file (identifier or identifier_hash; birth_date; district), imported in the background: lines are read
/// and checked first, each refused line is listed with its number and reason, then the records are added or updated in
/// batches, each its own transaction, so the site keeps writing meanwhile. Re-running a file changes nothing more.
/// </summary>
public sealed class CensusImport(AgoraDb db, VerificationService verification, TimeProvider clock) : IImportHandler
{
    public const string KindName = "census";
    public const string FileName = "census.csv";
    private const int Batch = 1000;

    public string Kind => KindName;

    public async Task RunAsync(ImportJob job, IReadOnlyDictionary<string, byte[]> files, ImportProgress progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(progress);
        using var reader = new StreamReader(new MemoryStream(files[FileName]), Encoding.UTF8);
        var header = (await reader.ReadLineAsync(ct))?.TrimStart('\uFEFF');
        var sep = header != null && header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var columns = (header ?? "").Split(sep).Select(c => c.Trim().ToLowerInvariant()).ToList();
        int raw = columns.IndexOf("identifier"), hashed = columns.IndexOf("identifier_hash"),
            birth = columns.IndexOf("birth_date"), district = columns.IndexOf("district");
        if ((raw < 0 && hashed < 0) || birth < 0 || district < 0)
            throw new InvalidDataException("Imports.Error.CensusHeader");
        var rows = new Dictionary<string, (DateOnly Birth, string District)>(StringComparer.Ordinal);
        var lineNo = 1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            progress.Read();
            var cells = line.Split(sep).Select(c => c.Trim().Trim('"')).ToArray();
            string? Cell(int i) => i >= 0 && i < cells.Length ? cells[i] : null;
            string? hash = null;
            if (VerificationService.Normalize(Cell(raw)) is { } digits)
                hash = verification.Hash(digits);
            else if (Cell(hashed) is { Length: 64 } h && h.All(char.IsAsciiHexDigit))
                hash = h.ToLowerInvariant();
            var districtKey = Cell(district) is { } d
                ? (Districts.IsKnown(d) ? d : Districts.All.FirstOrDefault(x => string.Equals(x.Bg, d, StringComparison.OrdinalIgnoreCase))?.Key)
                : null;
            // The identifier itself is never repeated in a refusal: the job's page must not show personal data.
            if (hash == null)
                progress.Refuse(FileName, lineNo, "Imports.Refused.Identifier");
            else if (!DateOnly.TryParseExact(Cell(birth), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
                progress.Refuse(FileName, lineNo, "Imports.Refused.BirthDate", Cell(birth) ?? "");
            else if (districtKey == null)
                progress.Refuse(FileName, lineNo, "Imports.Refused.District", Cell(district) ?? "");
            else
                rows[hash] = (born, districtKey);
            if (lineNo % 5000 == 0)
                await progress.MaybeFlushAsync(ct);
        }
        job.RowsToSave = rows.Count;
        await progress.FlushAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in rows.Chunk(Batch))
        {
            var keys = chunk.Select(r => r.Key).ToList();
            int added = 0, updated = 0;
            await db.InTransactionAsync(async () =>
            {
                var existing = await db.Set<CensusRecord>().Where(c => keys.Contains(c.IdentifierHash)).ToDictionaryAsync(c => c.IdentifierHash, ct);
                foreach (var (hash, (born, districtKey)) in chunk)
                {
                    if (existing.TryGetValue(hash, out var r))
                    {
                        r.BirthDate = born;
                        r.District = districtKey;
                        r.ImportedAt = now;
                        updated++;
                    }
                    else
                    {
                        db.Add(new CensusRecord { IdentifierHash = hash, BirthDate = born, District = districtKey, ImportedAt = now });
                        added++;
                    }
                }
                await db.SaveChangesAsync(ct);
            }, ct);
            db.ChangeTracker.Clear();
            job.RowsAdded += added;
            job.RowsUpdated += updated;
            job.RowsSaved += chunk.Length;
            await progress.MaybeFlushAsync(ct);
        }
        job.ResultUrl = "/admin/census";
    }
}
