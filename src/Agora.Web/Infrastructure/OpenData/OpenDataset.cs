using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Infrastructure.OpenData;

/// <summary>The type of a column, which fixes how both formats write it.</summary>
public enum FieldType
{
    Text,
    Number,
    Boolean,
    /// <summary>A UTC instant, written ISO 8601 with a Z.</summary>
    DateTime,
    /// <summary>A calendar date, written yyyy-MM-dd.</summary>
    Date,
    /// <summary>An absolute link.</summary>
    Url,
}

/// <summary>One column of a dataset, described in both languages on the open-data page.</summary>
public sealed record OpenDataField(string Name, FieldType Type, string DescriptionBg, string DescriptionEn);

/// <summary>
/// A dataset of the open-data portal. To publish a new one, write a small class implementing this interface in the
/// module that owns the data and register it with <c>services.AddOpenDataset&lt;T&gt;()</c>: the page, both file
/// formats, the background regeneration and the DCAT-AP catalogue pick it up from there.
/// <para>
/// Rules a dataset must keep: only what anyone may read on the site (published, not hidden, not deleted); no
/// personal data — authors as <see cref="OpenDataContext.Pseudonym"/>, never names, e-mails or addresses; rows
/// streamed from the database (AsNoTracking, a projection, AsAsyncEnumerable), never collected into a list.
/// </para>
/// </summary>
public interface IOpenDataset
{
    /// <summary>The address segment and file name: lower case, digits and hyphens, e.g. "proposals".</summary>
    string Name { get; }
    LocalizedText Title { get; }
    LocalizedText Description { get; }
    /// <summary>The columns, in the order <see cref="RowsAsync"/> yields values.</summary>
    IReadOnlyList<OpenDataField> Fields { get; }
    /// <summary>How often the data changes: an EU frequency code (DAILY, WEEKLY, MONTHLY …).</summary>
    string Frequency => OpenDataFrequency.Daily;
    /// <summary>Keywords for the catalogue, both languages.</summary>
    IReadOnlyList<LocalizedText> Keywords => [];

    /// <summary>Each row's values in the order of <see cref="Fields"/>: string, int, long, double, bool, DateTime, DateOnly or null.</summary>
    IAsyncEnumerable<object?[]> RowsAsync(OpenDataContext context, CancellationToken ct);
}

public static class OpenDataFrequency
{
    public const string Daily = "DAILY";
    public const string Weekly = "WEEKLY";
}

/// <summary>What a dataset needs while it writes: a database (its own scope), absolute links, pseudonyms.</summary>
public sealed class OpenDataContext(AgoraDb db, Pseudonyms pseudonyms, string siteRoot)
{
    public AgoraDb Db { get; } = db;

    /// <summary>A stable, non-reversible id for a person: the same in every export, useless to find who it is.</summary>
    public string? Pseudonym(Guid? userId) => userId is Guid id ? pseudonyms.Of(id) : null;

    public string Link(string path) => siteRoot + path;
}
