using Admin.Data.Hotspots;
using Npgsql;

namespace Admin.Data.Rollups;

/// <summary>
/// Keeps <see cref="CellPeriod"/> in step with the month-to-date totals: the refresh rewrites every preset's row once
/// its months are written, and an edit that moves a cell's totals removes them all (its page sums from the totals
/// until the next refresh, which recounts the edited day and so writes them again).
/// </summary>
internal static class CellPeriods
{
    public const string RemoveAll = "DELETE FROM rollup_cell_periods";

    /// <summary>Whether the presets ending on the newest day are there (a refresh with nothing new leaves them).</summary>
    private const string Current = """
        SELECT NOT EXISTS (SELECT 1 FROM rollup_district_days)
            OR EXISTS (SELECT 1 FROM rollup_cell_periods WHERE period_to = (SELECT max(day) FROM rollup_district_days))
        """;

    private const string Extent = "SELECT min(day), max(day) FROM rollup_district_days";

    public static async Task<bool> CurrentAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Current, conn);
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>
    /// Every preset's cells, as the page asks for them (its periods and windows): summed first, outside any
    /// transaction (at 50M rows ~150 ms for the five, which an id held meanwhile would hold up the change feed for),
    /// then written in one short transaction. The caller holds the refresh lock, so no edit moves the totals between.
    /// Returns the periods written and how long the writing transaction held its id.
    /// </summary>
    public static async Task<(int Periods, TimeSpan Held)> WriteAsync(NpgsqlConnection conn, HotspotOptions options, CancellationToken ct)
    {
        var sums = new List<(HotspotPeriod Period, HotspotWindows Windows, object[] Arrays)>();
        if (await ExtentAsync(conn, ct) is var (first, last))
            foreach (var period in PeriodPreset.All.Select(p => p.Resolve(first, last)).Distinct())
            {
                var windows = HotspotWindows.EndingOn(period.To, options.RecentDays, options.BaselineDays);
                await using var sum = Command(HotspotSql.SumCellPeriod, conn, period, windows);
                await using var reader = await sum.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                var arrays = new object[reader.FieldCount];
                reader.GetValues(arrays);
                sums.Add((period, windows, arrays));
            }

        var held = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(conn) { BatchCommands = { new NpgsqlBatchCommand(RemoveAll) } };
        foreach (var (period, windows, arrays) in sums)
        {
            var write = new NpgsqlBatchCommand(HotspotSql.WriteCellPeriod);
            AddKey(write.Parameters, period, windows);
            for (var i = 0; i < arrays.Length; i++) write.Parameters.AddWithValue("a" + i, arrays[i]);
            batch.BatchCommands.Add(write);
        }
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return (sums.Count, held.Elapsed);
    }

    private static async Task<(DateOnly First, DateOnly Last)?> ExtentAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var extent = new NpgsqlCommand(Extent, conn);
        await using var reader = await extent.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct)
            ? (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1))
            : null;
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection conn, HotspotPeriod period, HotspotWindows windows)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        AddKey(cmd.Parameters, period, windows);
        return cmd;
    }

    // The four dates the page's cells query takes: the row's key.
    private static void AddKey(NpgsqlParameterCollection parameters, HotspotPeriod period, HotspotWindows windows)
    {
        parameters.AddWithValue("from", period.From);
        parameters.AddWithValue("to", period.To);
        parameters.AddWithValue("recent_from", windows.Recent.From);
        parameters.AddWithValue("baseline_from", windows.Baseline.From);
    }
}
