using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Proposals;

/// <summary>An image or document attached to a proposal, stored in the database so every node serves it.</summary>
public sealed class ProposalAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProposalId { get; set; }
    public bool IsImage { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Data { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

public sealed class ProposalAttachmentConfiguration : IEntityTypeConfiguration<ProposalAttachment>
{
    public void Configure(EntityTypeBuilder<ProposalAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.HasIndex(a => a.ProposalId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Up to three images and three documents, each at most 5 MB; the type is judged by the file's first bytes, not its name alone.</summary>
public static class AttachmentRules
{
    public const int MaxEach = 3;
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The content type of an accepted file, or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> head, string fileName, bool image)
    {
        var ext = Path.GetExtension(fileName).ToUpperInvariant();
        if (image)
        {
            if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]))
                return "image/png";
            if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
                return "image/jpeg";
            if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
                return "image/webp";
            return null;
        }
        if (head.StartsWith("%PDF"u8) && ext == ".PDF")
            return "application/pdf";
        if (head.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04]))
            return ext switch
            {
                ".DOCX" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".ODT" => "application/vnd.oasis.opendocument.text",
                _ => null,
            };
        return null;
    }

    /// <summary>Reads the accepted files, or returns the resource key of the first problem.</summary>
    public static async Task<(List<ProposalAttachment> Files, string? Error)> ReadAsync(IReadOnlyList<IFormFile> files, bool image, CancellationToken ct)
    {
        var result = new List<ProposalAttachment>();
        var present = files.Where(f => f.Length > 0).ToList();
        if (present.Count > MaxEach)
            return (result, "Proposals.Files.TooMany");
        foreach (var file in present)
        {
            if (file.Length > MaxBytes)
                return (result, "Proposals.Files.TooLarge");
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            var data = ms.ToArray();
            var name = Path.GetFileName(file.FileName);
            var type = Detect(data.AsSpan(0, Math.Min(16, data.Length)), name, image);
            if (type == null)
                return (result, image ? "Proposals.Files.BadImage" : "Proposals.Files.BadDocument");
            result.Add(new ProposalAttachment
            {
                IsImage = image,
                FileName = name.Length > 200 ? name[^200..] : name,
                ContentType = type,
                Size = data.Length,
                Data = data,
            });
        }
        return (result, null);
    }
}
