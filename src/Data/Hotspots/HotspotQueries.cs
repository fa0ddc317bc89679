using Admin.Data.Domain;
using Admin.Data.Persistence;
using Admin.Data.Reference;
using Admin.Data.Rollups;
using Admin.Data.Time;
using Microsoft.Extensions.Options;
using Admin.Data.Routing;
using Npgsql;

namespace Admin.Data.Hotspots;

/// <summary>
/// Reads one period's hotspot page in a single round trip (one NpgsqlBatch: areas, cells, trend, refresh time) and
/// applies <see cref="HotspotRule"/>. Uncached: <see cref="HotspotDashboard"/> puts the cache in front. Days are local
/// days of the display time zone, as the rollups'.
/// </summary>
public sealed class HotspotQueries(ReadSource dataSource, IOptions<HotspotOptions> options, TimeProvider time, DisplayTimeZone? zone = null)
{
    private readonly DisplayTimeZone _zone = zone ?? DisplayTimeZone.Default;

    private readonly HotspotRule _rule = new(options.Value);

    public async Task<HotspotSnapshot> SnapshotAsync(HotspotPeriod period, HotspotSource source = HotspotSource.Rollups, CancellationToken ct = default)
    {
        var windows = HotspotWindows.EndingOn(period.To, options.Value.RecentDays, options.Value.BaselineDays);
        var scanFrom = period.From < windows.Baseline.From ? period.From : windows.Baseline.From;
        var (monthFrom, monthTo, gapTo) = WholeMonths(period, windows);

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        // The base-table twin exists to be slow (bench, tests): no client-side limit; the server's own still applies.
        if (source == HotspotSource.BaseTable) batch.Timeout = 0;
        void AddParameters(NpgsqlParameterCollection parameters)
        {
            parameters.AddWithValue("from", period.From);
            parameters.AddWithValue("to", period.To);
            parameters.AddWithValue("scan_from", scanFrom);
            parameters.AddWithValue("recent_from", windows.Recent.From);
            parameters.AddWithValue("baseline_from", windows.Baseline.From);
            parameters.AddWithValue("m_from", monthFrom);
            parameters.AddWithValue("m_to", monthTo);
            parameters.AddWithValue("gap_to", gapTo);
            parameters.AddWithValue("scan_from_ts", _zone.StartOf(scanFrom));
            parameters.AddWithValue("to_end_ts", _zone.StartOf(period.To.AddDays(1)));
            parameters.AddWithValue(RollupDay.ZoneParameter, _zone.Id);
        }
        foreach (var sql in new[] { HotspotSql.Areas(source), HotspotSql.Cells(source), HotspotSql.Trend(source), HotspotSql.RefreshedAt(source) })
        {
            var command = new NpgsqlBatchCommand(sql);
            AddParameters(command.Parameters);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        var provinceTotals = new Dictionary<Province, AreaTotals>();
        var districtTotals = new Dictionary<string, (Province Province, AreaTotals Totals)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var province = Codes<Province>.Parse(reader.GetString(0));
            var totals = new AreaTotals(reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            if (reader.GetBoolean(2)) provinceTotals[province] = totals;
            else if (reader.GetString(1) is var code && code != RollupKeys.NoDistrict) districtTotals[code] = (province, totals);
        }

        await reader.NextResultAsync(ct);
        // From the rollups: a preset's arrays, or no row (then summed below); from the base table: a row per cell.
        var (cellRows, cellRiseP) = source == HotspotSource.Rollups
            ? await reader.ReadAsync(ct) ? CellsOf(reader) : (null, null)
            : (await CellRowsAsync(reader, ct), null);

        await reader.NextResultAsync(ct);
        var trend = new List<TrendPoint>();
        while (await reader.ReadAsync(ct))
            trend.Add(new TrendPoint(reader.GetFieldValue<DateOnly>(0), Codes<Province>.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetInt64(3)));

        await reader.NextResultAsync(ct);
        DateTimeOffset? refreshedAt = await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) ? reader.GetFieldValue<DateTimeOffset>(0) : null;
        await reader.DisposeAsync();

        if (cellRows is null)
        {
            await using var sum = new NpgsqlCommand(HotspotSql.SumCells, conn);
            AddParameters(sum.Parameters);
            await using var summed = await sum.ExecuteReaderAsync(ct);
            cellRows = await CellRowsAsync(summed, ct);
        }

        // Every province and district appears, with zeros where nothing was counted: the map needs all of them.
        var provinces = Codes<Province>.All.Select(p => (Province: p, Totals: provinceTotals.GetValueOrDefault(p))).ToList();
        var districts = Districts.All
            .Select(d => (d.Code, d.Province, Totals: districtTotals.TryGetValue(d.Code, out var t) ? t.Totals : default))
            .ToList();

        return new HotspotSnapshot(
            period,
            windows,
            Zip(provinces, p => p.Totals, (p, a) => new ProvinceHotspot(p.Province, p.Totals, a)),
            Zip(districts, d => d.Totals, (d, a) => new DistrictHotspot(d.Code, d.Province, d.Totals, a)),
            Zip(cellRows, c => c.Totals, (c, a) => new CellHotspot(c.Cell, c.Totals, a), cellRiseP),
            trend,
            refreshedAt,
            time.GetUtcNow());
    }

    private static async Task<List<(GridCell Cell, AreaTotals Totals)>> CellRowsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var cells = new List<(GridCell Cell, AreaTotals Totals)>();
        while (await reader.ReadAsync(ct))
            cells.Add((new GridCell(reader.GetInt32(0), reader.GetInt32(1)),
                new AreaTotals(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5))));
        return cells;
    }

    /// <summary>A <see cref="Rollups.CellPeriod"/> row's parallel arrays, in the order of a cell row's columns, and its cells' p-values.</summary>
    private static (List<(GridCell Cell, AreaTotals Totals)>, double[]) CellsOf(NpgsqlDataReader reader)
    {
        var (rows, columns) = (BinaryArrays.Int32s(reader, 0), BinaryArrays.Int32s(reader, 1));
        var (checks, high, recent, baseline) = (BinaryArrays.Int64s(reader, 2), BinaryArrays.Int64s(reader, 3), BinaryArrays.Int64s(reader, 4), BinaryArrays.Int64s(reader, 5));
        var cells = rows.Select((row, i) => (new GridCell(row, columns[i]), new AreaTotals(checks[i], high[i], recent[i], baseline[i]))).ToList();
        return (cells, BinaryArrays.Doubles(reader, 6));
    }

    /// <summary>The district holding most of the cell's checks in the period (from the cell rollup), or null when none has a district.</summary>
    public async Task<string?> TopDistrictAsync(GridCell cell, HotspotPeriod period, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(HotspotSql.TopDistrict, conn);
        cmd.Parameters.AddWithValue("row", cell.Row);
        cmd.Parameters.AddWithValue("column", cell.Column);
        cmd.Parameters.AddWithValue("from", period.From);
        cmd.Parameters.AddWithValue("to", period.To);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    public async Task<DataExtent> ExtentAsync(HotspotSource source = HotspotSource.Rollups, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(HotspotSql.Extent(source), conn);
        cmd.Parameters.AddWithValue(RollupDay.ZoneParameter, _zone.Id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new DataExtent(
            await reader.IsDBNullAsync(0, ct) ? null : reader.GetFieldValue<DateOnly>(0),
            await reader.IsDBNullAsync(1, ct) ? null : reader.GetFieldValue<DateOnly>(1),
            await reader.IsDBNullAsync(2, ct) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }

    /// <summary>
    /// The period's whole months [From, To) (To = From when there are none), which the area totals read from the month
    /// rollup, and GapTo: the days of those months before GapTo are needed for nothing else (the windows start later),
    /// so the day rollup is read from GapTo on.
    /// </summary>
    internal static (DateOnly From, DateOnly To, DateOnly GapTo) WholeMonths(HotspotPeriod period, HotspotWindows windows)
    {
        var from = new DateOnly(period.From.Year, period.From.Month, 1) is var m && m == period.From ? m : m.AddMonths(1);
        var end = period.To.AddDays(1);
        var to = new DateOnly(end.Year, end.Month, 1);
        if (to < from) to = from;
        var gapTo = windows.Baseline.From < to ? windows.Baseline.From : to;
        return (from, to, gapTo < from ? from : gapTo);
    }

    // One layer is assessed together: the rule's correction depends on how many of its areas were tested.
    private List<TResult> Zip<TRow, TResult>(List<TRow> rows, Func<TRow, AreaTotals> totals, Func<TRow, HotspotAssessment, TResult> result, double[]? riseP = null)
    {
        var assessments = _rule.Assess(rows.Select(r => totals(r).Windows).ToList(), riseP);
        return rows.Select((r, i) => result(r, assessments[i])).ToList();
    }

}
