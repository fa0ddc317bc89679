using System.Text;
using Admin.Data.Counting;
using Admin.Data.Entities;
using Admin.Data.Exports;
using Admin.Data.Listing;
using Admin.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Tests.Exports;

/// <summary>A database of its own and the exporter over it.</summary>
public sealed class ExportFixture : IAsyncDisposable
{
    private ExportFixture(TestDatabase db, ExportOptions options)
    {
        Db = db;
        Options = options;
        Source = ExportDataSource.Create(db.ConnectionString, options.ReadBufferSize);
        Exporter = new RecordExporter(Source, new TableSizeEstimator(db.DataSource), Microsoft.Extensions.Options.Options.Create(options));
    }

    public TestDatabase Db { get; }
    public ExportOptions Options { get; }
    public RecordExporter Exporter { get; }
    public ExportDataSource Source { get; }

    public static async Task<ExportFixture> CreateAsync(ExportOptions? options = null) =>
        new(await TestDatabase.CreateAsync(), options ?? new ExportOptions());

    public static ExportQuery Query(params (string Name, string Value)[] parameters) =>
        ExportQuery.Parse(AdminTables.Registry, HealthCheckList.Slug, parameters.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    public async Task<string> ExportTextAsync(ExportQuery query, ExportFormat format, bool masked = false)
    {
        using var output = new MemoryStream();
        var result = await Exporter.WriteAsync(query, format, masked, output, null, CancellationToken.None);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(output.Length, result.Bytes);
        return text;
    }

    /// <summary>
    /// The rows as PostgreSQL's output functions write them, under the export's output settings, read with plain SQL:
    /// what a correct CSV must reproduce field for field (null for NULL); <paramref name="spreadsheetSafe"/>: text
    /// columns as a CSV export writes them (<see cref="SpreadsheetSafe"/>).
    /// </summary>
    public async Task<(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows)> TextRowsAsync(string table, string whereAndOrder, bool spreadsheetSafe = false)
    {
        await using var conn = await Db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL extra_float_digits = 1", conn, tx))
            await set.ExecuteNonQueryAsync();
        var columns = new List<(string Name, string Type)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND column_name <> 'change_xid' ORDER BY ordinal_position", conn, tx))
        {
            cmd.Parameters.AddWithValue(table);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        // bool::text says "true"; the output function (and so COPY) says "t".
        var select = string.Join(", ", columns.Select(c => c.Type == "boolean"
            ? $"CASE WHEN \"{c.Name}\" THEN 't' WHEN NOT \"{c.Name}\" THEN 'f' END"
            : $"\"{c.Name}\"::text"));
        var rows = new List<string?[]>();
        await using (var cmd = new NpgsqlCommand($"SELECT {select} FROM \"{table}\" {whereAndOrder}", conn, tx))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                rows.Add(Enumerable.Range(0, columns.Count).Select(i => reader.IsDBNull(i) ? null
                    : spreadsheetSafe && TextTypes.Contains(columns[i].Type) ? SpreadsheetSafe.Cell(reader.GetString(i))
                    : reader.GetString(i)).ToArray());
        }
        return (columns.Select(c => c.Name).ToList(), rows);
    }

    private static readonly HashSet<string> TextTypes = ["text", "character varying", "character"];

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Db.DisposeAsync();
    }
}
