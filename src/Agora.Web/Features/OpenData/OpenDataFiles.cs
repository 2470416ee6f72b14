using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Agora.OpinionMap;
using Agora.Web.Infrastructure.OpenData;

namespace Agora.Web.Features.OpenData;

/// <summary>The two formats of every dataset.</summary>
public sealed record OpenDataFormat(string Extension, string MediaType, string EuFileType)
{
    public static readonly OpenDataFormat Csv = new("csv", "text/csv", "CSV");
    public static readonly OpenDataFormat Json = new("json", "application/json", "JSON");
    public static readonly IReadOnlyList<OpenDataFormat> All = [Csv, Json];

    public static OpenDataFormat? Find(string extension) => All.FirstOrDefault(f => f.Extension == extension);
}

/// <summary>
/// Writes a dataset's rows to a stream as they come: CSV per RFC 4180 (CRLF, quotes doubled, header row) or a JSON
/// array of objects; CSV cells through <see cref="CsvField"/>, text defused. Numbers in the invariant culture, instants ISO 8601 UTC, dates yyyy-MM-dd, UTF-8 without BOM.
/// Nothing is buffered beyond the writers' own small buffers, so memory does not grow with the number of rows.
/// </summary>
public static class OpenDataWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static async Task<long> WriteAsync(IOpenDataset dataset, OpenDataFormat format, OpenDataContext context, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(format);
        return format == OpenDataFormat.Csv
            ? await WriteCsvAsync(dataset, context, output, ct)
            : await WriteJsonAsync(dataset, context, output, ct);
    }

    private static async Task<long> WriteCsvAsync(IOpenDataset dataset, OpenDataContext context, Stream output, CancellationToken ct)
    {
        await using var w = new StreamWriter(output, Utf8, 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        var fields = dataset.Fields;
        await w.WriteLineAsync(string.Join(',', fields.Select(f => CsvField.Text(f.Name))));
        long rows = 0;
        var line = new StringBuilder(256);
        await foreach (var row in dataset.RowsAsync(context, ct).WithCancellation(ct))
        {
            line.Clear();
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                    line.Append(',');
                // By the column's declared type: text and links are defused; numbers, booleans and instants, which
                // the code writes itself, stay as they are (a negative number stays -3). A string where a typed
                // value was declared is treated as text all the same.
                line.Append(fields[i].Type is FieldType.Text or FieldType.Url || row[i] is string
                    ? CsvField.Text(Text(row[i]))
                    : CsvField.Value(Text(row[i])));
            }
            await w.WriteLineAsync(line, ct);
            rows++;
        }
        await w.FlushAsync(ct);
        return rows;
    }

    private static async Task<long> WriteJsonAsync(IOpenDataset dataset, OpenDataContext context, Stream output, CancellationToken ct)
    {
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        var fields = dataset.Fields;
        w.WriteStartArray();
        long rows = 0;
        await foreach (var row in dataset.RowsAsync(context, ct).WithCancellation(ct))
        {
            w.WriteStartObject();
            for (var i = 0; i < fields.Count; i++)
            {
                w.WritePropertyName(fields[i].Name);
                switch (row[i])
                {
                    case null: w.WriteNullValue(); break;
                    case int n: w.WriteNumberValue(n); break;
                    case long n: w.WriteNumberValue(n); break;
                    case double n: w.WriteNumberValue(n); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    default: w.WriteStringValue(Text(row[i])); break;
                }
            }
            w.WriteEndObject();
            rows++;
            // Hand the buffered bytes to the file every so often: the writer's buffer stays small.
            if (w.BytesPending > 32 * 1024)
                await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        await w.FlushAsync(ct);
        return rows;
    }

    /// <summary>A value as text, the same in both formats.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
