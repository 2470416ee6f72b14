using System.Data.Common;
using System.Diagnostics;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Agora.Web.Infrastructure.Scale;

/// <summary>
/// Inserts many rows of one entity type with prepared multi-row INSERTs reused inside one transaction, bypassing the
/// change tracker. Columns, value conversions and parameter types come from the EF model, so the rows read back exactly
/// as if EF had written them (Guids as upper-case text on SQLite, enums as strings, UTC times). Works on SQLite and
/// PostgreSQL alike; one code path keeps the generator small.
/// </summary>
public sealed class BulkWriter(AgoraDb db, TextWriter log)
{
    private readonly Dictionary<string, (long Rows, TimeSpan Time)> timings = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, (long Rows, TimeSpan Time)> Timings => timings;

    public string Provider => db.Database.IsSqlite() ? "sqlite" : "postgres";

    public async Task<long> InsertAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = entityType.GetFlattenedProperties()
            .Select(p => new Column(p, p.GetColumnName(store)!, p.GetRelationalTypeMapping(), p.GetGetter()))
            .ToArray();
        if (columns.FirstOrDefault(c => c.Property.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{table}.{shadow.Name} is a shadow property; the bulk writer cannot fill it.");

        var sqlite = db.Database.IsSqlite();
        var perStatement = Math.Max(1, Math.Min(sqlite ? 200 : 1000, (sqlite ? 30_000 : 60_000) / columns.Length));
        var watch = Stopwatch.StartNew();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        DbCommand? full = null;
        var buffer = new List<T>(perStatement);
        long count = 0;
        try
        {
            foreach (var row in rows)
            {
                buffer.Add(row);
                if (buffer.Count < perStatement)
                    continue;
                full ??= Prepare(connection, tx, table, columns, perStatement);
                await ExecuteAsync(full, columns, buffer, ct);
                count += buffer.Count;
                buffer.Clear();
            }
            if (buffer.Count > 0)
            {
                await using var rest = Prepare(connection, tx, table, columns, buffer.Count);
                await ExecuteAsync(rest, columns, buffer, ct);
                count += buffer.Count;
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            if (full != null)
                await full.DisposeAsync();
        }
        var time = watch.Elapsed;
        timings[table] = timings.TryGetValue(table, out var t) ? (t.Rows + count, t.Time + time) : (count, time);
        await log.WriteLineAsync($"  {table,-24} {count,10:N0} rows in {time.TotalSeconds,7:F1} s ({count / Math.Max(time.TotalSeconds, 0.001),9:N0} rows/s)");
        return count;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction tx, string table, Column[] columns, int rows)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        var sb = new System.Text.StringBuilder();
        sb.Append("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => "\"" + c.Name + "\"")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sb.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = $"@p{r}_{c}";
                sb.Append(c == 0 ? "" : ", ").Append(name);
                cmd.Parameters.Add(columns[c].Mapping.CreateParameter(cmd, name, null, nullable: true));
            }
            sb.Append(')');
        }
        cmd.CommandText = sb.ToString();
        cmd.Prepare();
        return cmd;
    }

    private static async Task ExecuteAsync<T>(DbCommand cmd, Column[] columns, List<T> rows, CancellationToken ct) where T : class
    {
        var i = 0;
        foreach (var row in rows)
            foreach (var column in columns)
                cmd.Parameters[i++].Value = column.ValueOf(row);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)
    {
        private readonly ValueConverter? converter = Property.GetValueConverter() ?? Mapping.Converter;

        public object ValueOf(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            if (value != null && converter != null)
                value = converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }
    }
}
