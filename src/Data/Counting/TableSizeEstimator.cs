using Admin.Data.Routing;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>A table's size as the planner would guess it: no scan, no count(*).</summary>
public sealed record TableSizeEstimate(string Table, long Rows, bool FromStatistics, long TotalBytes);

/// <summary>
/// Unfiltered row counts the way PostgreSQL's planner estimates them: reltuples/relpages scaled by the table's
/// current page count, which stays right between ANALYZEs as the table grows. A never-analyzed table
/// (reltuples = -1) falls back to EXPLAIN's row estimate.
/// </summary>
public sealed class TableSizeEstimator(ReadSource dataSource)
{
    // One row per named table that exists, in the order asked (several tables in one round trip: the overview's cards).
    private const string Sql = """
        SELECT t.name, c.reltuples::float8, c.relpages::int8,
               pg_relation_size(c.oid) / current_setting('block_size')::int8 AS pages_now,
               pg_total_relation_size(c.oid) AS total_bytes
        FROM unnest(@tables::text[]) WITH ORDINALITY AS t(name, n)
        JOIN pg_class c ON c.oid = to_regclass(t.name)
        ORDER BY t.n
        """;

    public async Task<TableSizeEstimate> EstimateAsync(string table, CancellationToken ct = default) =>
        (await EstimateAllAsync([table], ct))[0];

    /// <summary>Each table's estimate, in the order given, from one read of pg_class (plus EXPLAIN for a never-analyzed one).</summary>
    public async Task<IReadOnlyList<TableSizeEstimate>> EstimateAllAsync(IReadOnlyList<string> tables, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = new List<(string Table, double Reltuples, long Relpages, long PagesNow, long Bytes)>();
        await using (var cmd = new NpgsqlCommand(Sql, conn) { Parameters = { new("tables", tables.ToArray()) } })
        await using (var reader = await cmd.ExecuteReaderAsync(ShortStatement.Token(ct)))
            while (await reader.ReadAsync(ShortStatement.Token(ct)))
                rows.Add((reader.GetString(0), reader.GetDouble(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        if (rows.Count != tables.Count)
            throw new InvalidOperationException($"Table '{tables.First(t => rows.All(r => r.Table != t))}' does not exist.");

        var estimates = new List<TableSizeEstimate>(rows.Count);
        foreach (var (table, reltuples, relpages, pagesNow, bytes) in rows)
        {
            if (reltuples >= 0 && relpages > 0)
                estimates.Add(new(table, (long)Math.Round(reltuples / relpages * pagesNow), true, bytes));
            else if (reltuples >= 0 && pagesNow == 0)
                estimates.Add(new(table, 0, true, bytes));
            else
                estimates.Add(new(table, await PlannerEstimate.RowsAsync(conn, $"SELECT 1 FROM {QuoteIdentifier(table)}", [], ct), false, bytes));
        }
        return estimates;
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
