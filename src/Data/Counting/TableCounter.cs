using System.Globalization;
using Admin.Data.Routing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>A whole table's row count, and whether it was counted or estimated (the UI says which).</summary>
public sealed record TableCount(string Table, long Rows, CountSource Source, long TotalBytes)
{
    public bool IsExact => Source == CountSource.Exact;
}

/// <summary>
/// Whole-table counts for the overview: the planner's estimate for every table (one read of pg_class), then, for the
/// tables whose estimate is small (at most <see cref="CountOptions.ExactCeiling"/>), count(*) under
/// SET LOCAL statement_timeout (<see cref="CountOptions.ExactTimeout"/>), all in one statement sent with its limit. A big table is never
/// counted; a count cut off by the limit leaves the estimates standing. So "52 districts", and "about 20.0M" checks.
/// </summary>
public sealed class TableCounter(ReadSource dataSource, TableSizeEstimator sizes, IOptions<CountOptions> options)
{
    public async Task<IReadOnlyList<TableCount>> CountAsync(IReadOnlyList<string> tables, CancellationToken ct = default)
    {
        var estimates = await sizes.EstimateAllAsync(tables, ct);
        var counts = estimates.Select(e => new TableCount(e.Table, e.Rows, e.FromStatistics ? CountSource.Statistics : CountSource.Planner, e.TotalBytes)).ToList();
        var small = counts.Select((c, i) => (c, i)).Where(x => x.c.Rows <= options.Value.ExactCeiling).ToList();
        if (small.Count == 0) return counts;

        // The limit and the count in one round trip (one batch, in the transaction SET LOCAL needs).
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var ms = ((long)Math.Max(1, options.Value.ExactTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"SET LOCAL statement_timeout = {ms}"),
                new NpgsqlBatchCommand(TableCountSql.Counts(small.Select(x => x.c.Table))),
            },
        };
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ShortStatement.Token(ct));
            await reader.ReadAsync(ShortStatement.Token(ct));
            for (var k = 0; k < small.Count; k++)
                counts[small[k].i] = small[k].c with { Rows = reader.GetInt64(k), Source = CountSource.Exact };
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            // Ran past its limit: the estimates stand, and say so.
        }
        return counts;
    }
}

internal static class TableCountSql
{
    /// <summary>One row, one count(*) per table (names from code, never from a request).</summary>
    public static string Counts(IEnumerable<string> tables) =>
        "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT count(*) FROM {TableSizeEstimator.QuoteIdentifier(t)})"));
}
