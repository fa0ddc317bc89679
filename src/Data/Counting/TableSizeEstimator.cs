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
    private const string Sql = """
        SELECT c.reltuples::float8, c.relpages::int8,
               pg_relation_size(c.oid) / current_setting('block_size')::int8 AS pages_now,
               pg_total_relation_size(c.oid) AS total_bytes
        FROM pg_class c
        WHERE c.oid = to_regclass(@table)
        """;

    public async Task<TableSizeEstimate> EstimateAsync(string table, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, conn) { Parameters = { new("table", table) } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException($"Table '{table}' does not exist.");
        var (reltuples, relpages, pagesNow, bytes) = (reader.GetDouble(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        await reader.DisposeAsync();

        if (reltuples >= 0 && relpages > 0)
            return new(table, (long)Math.Round(reltuples / relpages * pagesNow), true, bytes);
        if (reltuples >= 0 && pagesNow == 0)
            return new(table, 0, true, bytes);
        return new(table, await PlannerEstimate.RowsAsync(conn, $"SELECT 1 FROM {QuoteIdentifier(table)}", [], ct), false, bytes);
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
