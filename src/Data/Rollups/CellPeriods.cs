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

    public static async Task<bool> CurrentAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Current, conn);
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>Every preset's cells, as the page asks for them (its periods and windows), in one transaction; returns the rows written.</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection conn, HotspotOptions options, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(conn) { BatchCommands = { new NpgsqlBatchCommand(RemoveAll) } };
        DateOnly? first = null, last = null;
        await using (var extent = new NpgsqlCommand("SELECT min(day), max(day) FROM rollup_district_days", conn))
        await using (var reader = await extent.ExecuteReaderAsync(ct))
            if (await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct))
                (first, last) = (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));

        if (first is { } from && last is { } to)
            foreach (var period in PeriodPreset.All.Select(p => p.Resolve(from, to)).Distinct())
            {
                var windows = HotspotWindows.EndingOn(period.To, options.RecentDays, options.BaselineDays);
                batch.BatchCommands.Add(new NpgsqlBatchCommand(HotspotSql.WriteCellPeriod)
                {
                    Parameters =
                    {
                        new("from", period.From), new("to", period.To),
                        new("recent_from", windows.Recent.From), new("baseline_from", windows.Baseline.From),
                    },
                });
            }
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return batch.BatchCommands.Count - 1;
    }
}
