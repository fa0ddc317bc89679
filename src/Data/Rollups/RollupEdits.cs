using Npgsql;

namespace Admin.Data.Rollups;

/// <summary>
/// Moves one edited HealthCheck from its old place in the rollups to its new one, inside the edit's own transaction.
/// The incremental refresh recounts only the last few days, so without this an edit of an older check (its day,
/// district, risk or location) would reach the hotspot dashboard only at the next full rebuild. A row is at most two
/// keys: the change is -1 at the old key and +1 at the new one in both daily rollups, and the same on each cell's
/// running totals from that day on (about 700 rows per cell at most). The result equals what a rebuild would write:
/// counts that reach zero are deleted, as a GROUP BY would never produce them.
/// </summary>
public static class RollupEdits
{
    /// <summary>
    /// Holds the refresh lock for the rest of the transaction, so no refresh runs between the edit and its deltas,
    /// and the next refresh's snapshot includes both. Waits at most <paramref name="lockTimeout"/> (an incremental
    /// refresh takes a fraction of a second; a rebuild longer), then fails with SQLSTATE 55P03.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlConnection conn, RollupKey before, RollupKey after, TimeSpan lockTimeout, CancellationToken ct)
    {
        if (before == after) return;
        await using (var lockCmd = new NpgsqlCommand(
            $"SET LOCAL lock_timeout = '{(long)lockTimeout.TotalMilliseconds}ms'; SELECT pg_advisory_xact_lock({RollupKeys.RefreshLockKey})", conn))
            await lockCmd.ExecuteNonQueryAsync(ct);

        // Before the first refresh there is nothing to adjust: that refresh counts everything.
        await using (var built = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM rollup_watermarks WHERE name = '{RollupKeys.HealthChecks}')", conn))
            if (await built.ExecuteScalarAsync(ct) is not true) return;

        // A cell's running totals only move when the check changes cell, day or high-risk-ness.
        var totals = before.Cell != after.Cell || before.Day != after.Day || before.HighRisk != after.HighRisk;
        await using var batch = new NpgsqlBatch(conn);
        Add(batch, before, remove: true, totals);
        Add(batch, after, remove: false, totals);
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static void Add(NpgsqlBatch batch, RollupKey key, bool remove, bool totals)
    {
        if (remove)
        {
            // checks > 0 is a CHECK constraint: delete the last count first, then decrement what is left.
            Command(batch, key, $"DELETE FROM rollup_district_days WHERE {DistrictKey} AND checks = 1");
            Command(batch, key, $"UPDATE rollup_district_days SET checks = checks - 1 WHERE {DistrictKey}");
        }
        else
            Command(batch, key, """
                INSERT INTO rollup_district_days AS r (day, province, district_code, risk, checks) VALUES (@day, @province, @district, @risk, 1)
                ON CONFLICT (day, district_code, province, risk) DO UPDATE SET checks = r.checks + 1
                """);
        if (key.Cell is null) return;
        if (remove)
        {
            Command(batch, key, $"DELETE FROM rollup_cell_days WHERE {CellKey} AND checks = 1");
            Command(batch, key, $"UPDATE rollup_cell_days SET checks = checks - 1 WHERE {CellKey}");
            if (!totals) return;
            Command(batch, key, $"""
                UPDATE rollup_cell_running_totals r
                SET checks_to_date = r.checks_to_date - 1, high_risk_to_date = r.high_risk_to_date - @high
                FROM {DaysFrom} g WHERE {RunningKey}
                """);
            // Before a cell's first check its total is 0 and it has no row: the days that fell to 0 go.
            Command(batch, key, $"DELETE FROM rollup_cell_running_totals r USING {DaysFrom} g WHERE {RunningKey} AND r.checks_to_date <= 0");
        }
        else
        {
            Command(batch, key, """
                INSERT INTO rollup_cell_days AS r (day, cell_row, cell_column, province, district_code, risk, checks)
                VALUES (@day, @row, @column, @province, @district, @risk, 1)
                ON CONFLICT (day, cell_row, cell_column, district_code, province, risk) DO UPDATE SET checks = r.checks + 1
                """);
            if (!totals) return;
            // A cell's rows run without gaps from its first day to the newest; days before its first get their first row.
            Command(batch, key, $"""
                INSERT INTO rollup_cell_running_totals AS r (day, cell_row, cell_column, checks_to_date, high_risk_to_date)
                SELECT g::date, @row, @column, 1, @high FROM {DaysFrom} g
                ON CONFLICT (day, cell_row, cell_column) DO UPDATE
                SET checks_to_date = r.checks_to_date + 1, high_risk_to_date = r.high_risk_to_date + excluded.high_risk_to_date
                """);
        }
    }

    private const string DistrictKey = "day = @day AND district_code = @district AND province = @province AND risk = @risk";
    private const string CellKey = "day = @day AND cell_row = @row AND cell_column = @column AND district_code = @district AND province = @province AND risk = @risk";
    private const string RunningKey = "r.day = g::date AND r.cell_row = @row AND r.cell_column = @column";
    // One index probe per day (the key leads with day) rather than a scan of every cell's days.
    private const string DaysFrom = "generate_series(@day::timestamp, (SELECT max(day) FROM rollup_cell_running_totals)::timestamp, interval '1 day')";

    private static void Command(NpgsqlBatch batch, RollupKey key, string sql)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        cmd.Parameters.AddWithValue("day", key.Day);
        cmd.Parameters.AddWithValue("province", key.Province);
        cmd.Parameters.AddWithValue("district", key.DistrictCode);
        cmd.Parameters.AddWithValue("risk", key.Risk);
        cmd.Parameters.AddWithValue("row", key.Cell?.Row ?? 0);
        cmd.Parameters.AddWithValue("column", key.Cell?.Column ?? 0);
        cmd.Parameters.AddWithValue("high", key.HighRisk ? 1 : 0);
        batch.BatchCommands.Add(cmd);
    }
}
