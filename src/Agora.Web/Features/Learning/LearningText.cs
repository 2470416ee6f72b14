using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Agora.Web.Features.Learning;

/// <summary>Reading time from the word count: about 200 words a minute, a pace that suits plain-language texts
/// read on a phone; never less than one minute.</summary>
public static class ReadingTime
{
    public const int WordsPerMinute = 200;

    public static int Words(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? 0
            : markdown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    public static int Minutes(string? markdown) => Math.Max(1, (int)Math.Ceiling(Words(markdown) / (double)WordsPerMinute));
}

/// <summary>
/// Completion codes: 12 characters from a 31-letter alphabet without look-alikes (0/O, 1/I/L), about 59 bits from
/// the system's cryptographic generator: unguessable, yet easy to read aloud or type. Shown as XXXX-XXXX-XXXX.
/// </summary>
public static class CertificateCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 12;

    public static string New()
    {
        var sb = new StringBuilder(Length);
        for (var i = 0; i < Length; i++)
            sb.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
        return sb.ToString();
    }

    public static string Formatted(string code) =>
        code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    /// <summary>What a person typed, as stored: upper case, dashes and spaces dropped; null if it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var sb = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is '-' or ' ' or '\u00A0')
                continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        var code = sb.ToString();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}

public static class UniqueViolation
{
    /// <summary>Whether a save failed on a unique index (SQLite constraint error, PostgreSQL 23505): the row is
    /// already there, typically written by a parallel request.</summary>
    public static bool Is(DbUpdateException ex) => ex?.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
