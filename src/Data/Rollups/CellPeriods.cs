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

    /// <summary>How many rows hold exactly the given keys and nothing else is stored.</summary>
    private const string Matching = """
        SELECT count(*) FILTER (WHERE k.f IS NOT NULL) = cardinality(@froms) AND count(*) = cardinality(@froms)
        FROM rollup_cell_periods p
        LEFT JOIN unnest(@froms, @tos, @recents, @baselines) AS k(f, t, r, b)
            ON (p.period_from, p.period_to, p.recent_from, p.baseline_from) = (k.f, k.t, k.r, k.b)
        """;

    /// <summary>
    /// Writes every preset's cells when <paramref name="changed"/> (the refresh recounted or summed something), or when
    /// the stored rows are not exactly the presets the page asks for now (an edit removed them, the newest day moved,
    /// the windows' options changed). Returns the periods written and how long the writing transaction held its id.
    /// </summary>
    public static async Task<(int Periods, TimeSpan Held)> RefreshAsync(NpgsqlConnection conn, HotspotOptions options, bool changed, CancellationToken ct)
    {
        var keys = await KeysAsync(conn, options, ct);
        if (!changed && await StoredAsync(conn, keys, ct)) return (0, TimeSpan.Zero);
        return await WriteAsync(conn, keys, new HotspotRule(options), ct);
    }

    /// <summary>The page's presets ending on the newest day: each period and its windows, as the cells query takes them.</summary>
    private static async Task<List<(HotspotPeriod Period, HotspotWindows Windows)>> KeysAsync(NpgsqlConnection conn, HotspotOptions options, CancellationToken ct)
    {
        // The page's own extent query: its presets count back from exactly this newest day.
        await using var extent = new NpgsqlCommand(HotspotSql.Extent(HotspotSource.Rollups), conn);
        await using var reader = await extent.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || await reader.IsDBNullAsync(0, ct)) return [];
        var (first, last) = (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
        return PeriodPreset.All.Select(p => p.Resolve(first, last)).Distinct()
            .Select(p => (p, HotspotWindows.EndingOn(p.To, options.RecentDays, options.BaselineDays)))
            .ToList();
    }

    private static async Task<bool> StoredAsync(NpgsqlConnection conn, List<(HotspotPeriod Period, HotspotWindows Windows)> keys, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Matching, conn);
        cmd.Parameters.AddWithValue("froms", keys.Select(k => k.Period.From).ToArray());
        cmd.Parameters.AddWithValue("tos", keys.Select(k => k.Period.To).ToArray());
        cmd.Parameters.AddWithValue("recents", keys.Select(k => k.Windows.Recent.From).ToArray());
        cmd.Parameters.AddWithValue("baselines", keys.Select(k => k.Windows.Baseline.From).ToArray());
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>
    /// Summed (and each cell's p-value computed) first, outside any transaction (at 50M rows ~150 ms for the five, which
    /// an id held meanwhile would hold up the change feed for), then written in one short transaction. The caller holds
    /// the refresh lock, so no edit moves the totals between.
    /// </summary>
    private static async Task<(int Periods, TimeSpan Held)> WriteAsync(NpgsqlConnection conn, List<(HotspotPeriod Period, HotspotWindows Windows)> keys, HotspotRule rule, CancellationToken ct)
    {
        var sums = new List<(object[] Arrays, double[] RiseP)>();
        foreach (var (period, windows) in keys)
        {
            await using var sum = new NpgsqlCommand(HotspotSql.SumCellPeriod, conn);
            AddKey(sum.Parameters, period, windows);
            await using var reader = await sum.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var arrays = new object[reader.FieldCount];
            reader.GetValues(arrays);
            // The window counts as just read, not a second conversion of their columns.
            var (recent, baseline) = ((long[])arrays[reader.GetOrdinal(HotspotSql.RecentHighArray)], (long[])arrays[reader.GetOrdinal(HotspotSql.BaselineHighArray)]);
            sums.Add((arrays, recent.Select((r, i) => rule.RiseP(new WindowCounts(r, baseline[i]))).ToArray()));
        }

        var held = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(conn) { BatchCommands = { new NpgsqlBatchCommand(RemoveAll) } };
        for (var p = 0; p < keys.Count; p++)
        {
            var write = new NpgsqlBatchCommand(HotspotSql.WriteCellPeriod);
            AddKey(write.Parameters, keys[p].Period, keys[p].Windows);
            for (var i = 0; i < sums[p].Arrays.Length; i++) write.Parameters.AddWithValue("a" + i, sums[p].Arrays[i]);
            write.Parameters.AddWithValue(HotspotSql.CellRiseP, sums[p].RiseP);
            batch.BatchCommands.Add(write);
        }
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return (keys.Count, held.Elapsed);
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
