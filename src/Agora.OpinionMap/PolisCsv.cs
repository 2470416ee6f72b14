using System.Globalization;
using System.Text;

namespace Agora.OpinionMap;

/// <summary>A statement as in a Pol.is comments.csv export.</summary>
/// <param name="Moderated">1 accepted, 0 not yet moderated, −1 rejected.</param>
/// <param name="GroupInformedConsensus">Pol.is's value where the export has the column, else null.</param>
public sealed record PolisComment(
    int StatementId,
    int? AuthorId,
    long Timestamp,
    int Agrees,
    int Disagrees,
    int Moderated,
    bool IsMeta,
    double? GroupInformedConsensus,
    string Text);

/// <summary>A Pol.is CSV file could not be read: names the source and the line.</summary>
public sealed class PolisCsvException : FormatException
{
    public PolisCsvException()
    {
    }

    public PolisCsvException(string message)
        : base(message)
    {
    }

    public PolisCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Reads and writes Pol.is export files (comments.csv, votes.csv, participants-votes.csv) — RFC 4180 CSV with
/// quoted fields that may contain commas, quotes and newlines. Votes use the export sign: agree = +1. A statement's
/// text is written through <see cref="CsvField.Text"/> (a text starting like a formula gets a leading apostrophe) and
/// the apostrophe is taken off again on reading, so Agora's own export reads back unchanged; Pol.is's files, which
/// carry no such apostrophes, read as before.
/// </summary>
/// <summary>A line a lenient read skipped: its number in the file and what was wrong with it.</summary>
public sealed record PolisCsvRefusal(int Line, string Message);

public static class PolisCsv
{
    /// <summary>Reads vote events from votes.csv (columns comment-id, voter-id, vote; timestamp optional).</summary>
    public static IReadOnlyList<VoteRecord> ReadVotes(TextReader reader, string source = "votes.csv")
    {
        var table = Table.Read(reader, source, "comment-id", "voter-id", "vote");
        var timestamp = table.OptionalColumn("timestamp");
        var result = new List<VoteRecord>();
        foreach (var row in table.Rows)
        {
            var vote = row.Int("vote");
            if (vote is < -1 or > 1)
            {
                throw row.Error($"vote must be -1, 0 or 1, not {vote.ToString(CultureInfo.InvariantCulture)}");
            }

            result.Add(new VoteRecord(
                row.Int("voter-id"), row.Int("comment-id"), vote, timestamp is null ? 0 : row.Long("timestamp")));
        }

        return result;
    }

    /// <summary>
    /// Reads vote events as <see cref="ReadVotes(TextReader, string)"/> does, but a malformed line is added to
    /// <paramref name="refused"/> and skipped instead of failing the file. A broken header or quoting still throws.
    /// </summary>
    public static IReadOnlyList<(int Line, VoteRecord Vote)> ReadVotes(TextReader reader, ICollection<PolisCsvRefusal> refused, string source = "votes.csv")
    {
        ArgumentNullException.ThrowIfNull(refused);
        var table = Table.Read(reader, source, refused, "comment-id", "voter-id", "vote");
        var timestamp = table.OptionalColumn("timestamp");
        var result = new List<(int, VoteRecord)>();
        foreach (var row in table.Rows)
        {
            try
            {
                var vote = row.Int("vote");
                if (vote is < -1 or > 1)
                {
                    throw row.Error($"vote must be -1, 0 or 1, not {vote.ToString(CultureInfo.InvariantCulture)}");
                }

                result.Add((row.Line, new VoteRecord(
                    row.Int("voter-id"), row.Int("comment-id"), vote, timestamp is null ? 0 : row.Long("timestamp"))));
            }
            catch (PolisCsvException e)
            {
                refused.Add(new PolisCsvRefusal(row.Line, e.Message));
            }
        }

        return result;
    }

    /// <summary>
    /// Reads statements as <see cref="ReadComments(TextReader, string)"/> does, but a malformed line is added to
    /// <paramref name="refused"/> and skipped instead of failing the file. A broken header or quoting still throws.
    /// </summary>
    public static IReadOnlyList<(int Line, PolisComment Comment)> ReadComments(TextReader reader, ICollection<PolisCsvRefusal> refused, string source = "comments.csv")
    {
        ArgumentNullException.ThrowIfNull(refused);
        var table = Table.Read(reader, source, refused, "comment-id");
        var result = new List<(int, PolisComment)>();
        foreach (var row in table.Rows)
        {
            try
            {
                result.Add((row.Line, Comment(row)));
            }
            catch (PolisCsvException e)
            {
                refused.Add(new PolisCsvRefusal(row.Line, e.Message));
            }
        }

        return result;
    }

    /// <summary>Reads statements from comments.csv (either the older or the newer Pol.is column set).</summary>
    public static IReadOnlyList<PolisComment> ReadComments(TextReader reader, string source = "comments.csv")
    {
        var table = Table.Read(reader, source, "comment-id");
        var result = new List<PolisComment>();
        foreach (var row in table.Rows)
        {
            result.Add(Comment(row));
        }

        return result;
    }

    private static PolisComment Comment(Row row) => new(
        row.Int("comment-id"),
        row.OptionalInt("author-id"),
        row.OptionalLong("timestamp") ?? 0,
        row.OptionalInt("agrees") ?? 0,
        row.OptionalInt("disagrees") ?? 0,
        row.OptionalInt("moderated") ?? 0,
        row.OptionalBool("is-meta") ?? false,
        row.OptionalDouble("group-informed-consensus"),
        CsvField.Restore(row.Optional("comment-body") ?? string.Empty));

    /// <summary>Reads participant → group-id from participants-votes.csv; null for participants Pol.is did not cluster.</summary>
    public static IReadOnlyDictionary<int, int?> ReadParticipantGroups(TextReader reader, string source = "participants-votes.csv")
    {
        var table = Table.Read(reader, source, "participant", "group-id");
        var result = new Dictionary<int, int?>();
        foreach (var row in table.Rows)
        {
            result[row.Int("participant")] = row.OptionalInt("group-id");
        }

        return result;
    }

    /// <summary>Reads a participant,group file as written by <see cref="WriteGroups"/>.</summary>
    public static IReadOnlyDictionary<int, int> ReadGroups(TextReader reader, string source = "groups.csv")
    {
        var table = Table.Read(reader, source, "participant", "group");
        var result = new Dictionary<int, int>();
        foreach (var row in table.Rows)
        {
            result[row.Int("participant")] = row.Int("group");
        }

        return result;
    }

    /// <summary>Writes votes.csv with the latest vote of every cell, ordered by time, statement and participant.</summary>
    public static void WriteVotes(TextWriter writer, VoteMatrix votes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(votes);
        writer.Write("timestamp,datetime,comment-id,voter-id,vote\n");
        foreach (var v in votes.Votes().OrderBy(v => v.Timestamp).ThenBy(v => v.StatementId).ThenBy(v => v.ParticipantId))
        {
            var dateTime = DateTimeOffset.FromUnixTimeMilliseconds(v.Timestamp)
                .ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
            writer.Write(string.Join(',', Num(v.Timestamp), dateTime, Num(v.StatementId), Num(v.ParticipantId), Num(v.Vote)));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes comments.csv in the newer Pol.is layout (timestamp, comment-id, author-id, agrees, disagrees, moderated,
    /// is-meta, group-informed-consensus, comment-body); <paramref name="groupInformedConsensus"/> overrides the records' values.
    /// </summary>
    public static void WriteComments(
        TextWriter writer, IEnumerable<PolisComment> comments, IReadOnlyDictionary<int, double>? groupInformedConsensus = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(comments);
        writer.Write("timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,group-informed-consensus,comment-body\n");
        foreach (var c in comments.OrderBy(c => c.StatementId))
        {
            var gic = groupInformedConsensus is not null && groupInformedConsensus.TryGetValue(c.StatementId, out var g)
                ? g
                : c.GroupInformedConsensus;
            writer.Write(string.Join(
                ',',
                Num(c.Timestamp),
                Num(c.StatementId),
                c.AuthorId is { } a ? Num(a) : string.Empty,
                Num(c.Agrees),
                Num(c.Disagrees),
                Num(c.Moderated),
                c.IsMeta ? "true" : "false",
                gic is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
                CsvField.Text(c.Text)));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes participants-votes.csv: participant, group-id (blank when not clustered), n-comments, n-votes, n-agree,
    /// n-disagree, then one column per statement id with the latest vote (blank = none).
    /// </summary>
    public static void WriteParticipantVotes(
        TextWriter writer, VoteMatrix votes, IReadOnlyDictionary<int, int> groups, IEnumerable<PolisComment>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(groups);
        var commentList = comments?.ToList() ?? [];
        var statementIds = votes.StatementIds.Concat(commentList.Select(c => c.StatementId)).Distinct().Order().ToArray();
        var authored = commentList.Where(c => c.AuthorId is not null).GroupBy(c => c.AuthorId!.Value).ToDictionary(g => g.Key, g => g.Count());
        writer.Write("participant,group-id,n-comments,n-votes,n-agree,n-disagree");
        foreach (var id in statementIds)
        {
            writer.Write(',');
            writer.Write(Num(id));
        }

        writer.Write('\n');
        var line = new StringBuilder();
        foreach (var pid in votes.ParticipantIds.Order())
        {
            var row = votes.IndexOfParticipant(pid);
            var vals = votes.RowValues(row);
            var agree = 0;
            var disagree = 0;
            foreach (var v in vals)
            {
                agree += v > 0 ? 1 : 0;
                disagree += v < 0 ? 1 : 0;
            }

            line.Clear();
            line.Append(Num(pid)).Append(',')
                .Append(groups.TryGetValue(pid, out var g) ? Num(g) : string.Empty).Append(',')
                .Append(Num(authored.GetValueOrDefault(pid))).Append(',')
                .Append(Num(vals.Length)).Append(',')
                .Append(Num(agree)).Append(',')
                .Append(Num(disagree));
            foreach (var id in statementIds)
            {
                line.Append(',');
                if (votes.GetVote(pid, id) is { } v)
                {
                    line.Append(Num(v));
                }
            }

            line.Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>Writes the participant,group file of the command-line tool, ordered by participant id.</summary>
    public static void WriteGroups(TextWriter writer, IReadOnlyDictionary<int, int> groups)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(groups);
        writer.Write("participant,group\n");
        foreach (var (pid, gid) in groups.OrderBy(p => p.Key))
        {
            writer.Write(Num(pid));
            writer.Write(',');
            writer.Write(Num(gid));
            writer.Write('\n');
        }
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits RFC 4180 CSV into records, each with the line number it starts on.</summary>
    internal static IEnumerable<(int Line, List<string> Fields)> ParseRecords(TextReader reader, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var afterQuote = false;
        var any = false;
        int ch;
        while ((ch = reader.Read()) != -1)
        {
            var c = (char)ch;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (recordLine, fields);
                    fields = [];
                    afterQuote = false;
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                case '"' when field.Length == 0 && !afterQuote:
                    inQuotes = true;
                    any = true;
                    break;
                default:
                    if (afterQuote || c == '"')
                    {
                        throw new PolisCsvException(
                            $"{source}, line {line.ToString(CultureInfo.InvariantCulture)}: malformed quoted field.");
                    }

                    field.Append(c);
                    any = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new PolisCsvException(
                $"{source}, line {recordLine.ToString(CultureInfo.InvariantCulture)}: quoted field is not closed before the end of the file.");
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }

    /// <summary>A header-addressed CSV table with typed, line-numbered field access.</summary>
    private sealed class Table
    {
        private Table(string source, Dictionary<string, int> columns, List<Row> rows)
        {
            Source = source;
            Columns = columns;
            Rows = rows;
        }

        public string Source { get; }

        public Dictionary<string, int> Columns { get; }

        public List<Row> Rows { get; }

        public int? OptionalColumn(string name) => Columns.TryGetValue(name, out var i) ? i : null;

        public static Table Read(TextReader reader, string source, params string[] required) => Read(reader, source, null, required);

        /// <summary>With <paramref name="refused"/>, a line with the wrong number of fields is listed there and skipped.</summary>
        public static Table Read(TextReader reader, string source, ICollection<PolisCsvRefusal>? refused, params string[] required)
        {
            ArgumentNullException.ThrowIfNull(reader);
            using var records = ParseRecords(reader, source).GetEnumerator();
            if (!records.MoveNext())
            {
                throw new PolisCsvException($"{source}: the file is empty; expected a header line.");
            }

            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            var header = records.Current.Fields;
            for (var i = 0; i < header.Count; i++)
            {
                columns.TryAdd(header[i].Trim(), i);
            }

            foreach (var name in required)
            {
                if (!columns.ContainsKey(name))
                {
                    throw new PolisCsvException($"{source}, line 1: missing column '{name}' in the header.");
                }
            }

            var table = new Table(source, columns, []);
            while (records.MoveNext())
            {
                var (line, fields) = records.Current;
                if (fields.Count == 1 && fields[0].Length == 0)
                {
                    continue; // blank line
                }

                if (fields.Count != header.Count && refused != null)
                {
                    refused.Add(new PolisCsvRefusal(line, $"{source}, line {line.ToString(CultureInfo.InvariantCulture)}: expected {header.Count.ToString(CultureInfo.InvariantCulture)} fields, found {fields.Count.ToString(CultureInfo.InvariantCulture)}."));
                    continue;
                }

                if (fields.Count != header.Count)
                {
                    throw new PolisCsvException(
                        $"{source}, line {line.ToString(CultureInfo.InvariantCulture)}: expected {header.Count.ToString(CultureInfo.InvariantCulture)} fields, found {fields.Count.ToString(CultureInfo.InvariantCulture)}.");
                }

                table.Rows.Add(new Row(table, line, fields));
            }

            return table;
        }
    }

    private sealed class Row(Table table, int line, List<string> fields)
    {
        public int Line => line;

        public PolisCsvException Error(string message) =>
            new($"{table.Source}, line {line.ToString(CultureInfo.InvariantCulture)}: {message}.");

        public string? Optional(string column) => table.Columns.TryGetValue(column, out var i) ? fields[i] : null;

        public int Int(string column) => OptionalInt(column) ?? throw Error($"column '{column}' is empty");

        public long Long(string column) => OptionalLong(column) ?? throw Error($"column '{column}' is empty");

        public int? OptionalInt(string column) =>
            Parse(column, s => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "an integer");

        public long? OptionalLong(string column) =>
            Parse(column, s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (long?)null, "an integer");

        public double? OptionalDouble(string column) =>
            Parse(column, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null, "a number");

        public bool? OptionalBool(string column) =>
            Parse(column, s => s.ToUpperInvariant() switch { "TRUE" or "1" => true, "FALSE" or "0" => false, _ => (bool?)null }, "true or false");

        private T? Parse<T>(string column, Func<string, T?> parse, string expected)
            where T : struct
        {
            var text = Optional(column)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            return parse(text) ?? throw Error($"column '{column}' must be {expected}, not '{text}'");
        }
    }
}
