using System.IO.Compression;
using System.Text;

namespace Agora.Web.Features.Events;

/// <summary>
/// Which uploads are accepted as event documents: PDF, ODT and DOCX up to 10 MB. Both the extension and the file's
/// own bytes must agree, so a renamed executable or HTML page is refused.
/// </summary>
public static class EventDocuments
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public enum Refusal
    {
        None,
        Empty,
        TooBig,
        WrongType,
    }

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>Checks an upload; on success returns the content type to serve it with.</summary>
    public static Refusal Check(string fileName, long length, byte[] content, out string contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        contentType = "";
        if (length <= 0 || content.Length == 0)
            return Refusal.Empty;
        if (length > MaxBytes || content.Length > MaxBytes)
            return Refusal.TooBig;
        var extension = Path.GetExtension(fileName ?? "");
        if (!Types.TryGetValue(extension, out var type))
            return Refusal.WrongType;
        var ok = extension.ToLowerInvariant() switch
        {
            ".pdf" => content.AsSpan().StartsWith("%PDF-"u8),
            ".odt" => IsZip(content) && OdtMimetype(content),
            _ => IsZip(content) && HasEntry(content, "word/document.xml"),
        };
        if (!ok)
            return Refusal.WrongType;
        contentType = type;
        return Refusal.None;
    }

    /// <summary>A file name safe to keep and to send back in Content-Disposition.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        var sb = new StringBuilder();
        foreach (var c in name)
            sb.Append(char.IsControl(c) || "\"\\/:*?<>|".Contains(c, StringComparison.Ordinal) ? '_' : c);
        var safe = sb.ToString();
        if (safe.Length > 200)
            safe = safe[..150] + Path.GetExtension(safe);
        return safe.Length == 0 ? "document" : safe;
    }

    private static bool IsZip(byte[] content) => content.AsSpan().StartsWith("PK\u0003\u0004"u8);

    private static bool OdtMimetype(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var entry = zip.GetEntry("mimetype");
            if (entry == null || entry.Length > 100)
                return false;
            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text";
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool HasEntry(byte[] content, string name)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry(name) != null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
