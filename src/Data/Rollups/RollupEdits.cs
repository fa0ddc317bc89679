using Npgsql;

namespace Admin.Data.Rollups;

/// <summary>
/// Moves one edited HealthCheck from its old place in the rollups to its new one, inside the edit's own transaction.
/// The next incremental refresh would recount both days too (the edit gives the row a new change_xid, and the update
/// trigger notes the day it left); this makes the rollups right in the edit's own transaction, so rollup-based counts
/// agree with the saved check at once. A row is at most two
/// keys: the change is -1 at the old key and +1 at the new one in the daily, monthly and day-total rollups, and the same on the
/// cell's month-to-date totals from that day to its month's end (31 rows at most). The result equals what a rebuild
/// would write: counts that reach zero are deleted, as a GROUP BY would never produce them.
/// A check inserted after the last refresh's snapshot is not in the rollups yet (the next refresh counts it where it
/// then is, and exact counts add it from the table meanwhile), so its edits leave the rollups alone.
/// </summary>
public static class RollupEdits
{
    /// <summary>
    /// Holds the refresh lock for the rest of the transaction, so no refresh runs between the edit and its deltas,
    /// and the next refresh's snapshot includes both. Waits at most <paramref name="lockTimeout"/> (an incremental
    /// refresh takes a fraction of a second; a rebuild longer), then fails with SQLSTATE 55P03. The keys' days are
    /// days of zone <paramref name="zoneId"/>; rollups counted in another zone's days (awaiting their rebuild) are left alone.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlConnection conn, Guid id, RollupKey before, RollupKey after, string zoneId, TimeSpan lockTimeout, CancellationToken ct)
    {
        if (before == after) return;
        await using (var lockCmd = new NpgsqlCommand(
            $"SET LOCAL lock_timeout = '{(long)lockTimeout.TotalMilliseconds}ms'; SELECT pg_advisory_xact_lock({RollupKeys.RefreshLockKey})", conn))
            await lockCmd.ExecuteNonQueryAsync(ct);

        // Before the first refresh there is nothing to adjust (that refresh counts everything), nor for a row the last
        // refresh could not see.
        await using (var counted = new NpgsqlCommand($"""
            SELECT EXISTS (
                SELECT 1 FROM rollup_watermarks w, health_checks h
                WHERE w.name = '{RollupKeys.HealthChecks}' AND h.id = @id AND w.time_zone = @tz
                  AND (h.created_xid IS NULL OR pg_visible_in_snapshot(h.created_xid, w.xid_snapshot::pg_snapshot)))
            """, conn))
        {
            counted.Parameters.AddWithValue("id", id);
            counted.Parameters.AddWithValue(RollupDay.ZoneParameter, zoneId);
            if (await counted.ExecuteScalarAsync(ct) is not true) return;
        }

        // A cell's month-to-date totals only move when the check changes cell, day or high-risk-ness.
        var totals = before.Cell != after.Cell || before.Day != after.Day || before.HighRisk != after.HighRisk;
        await using var batch = new NpgsqlBatch(conn);
        Add(batch, before, remove: true, totals);
        Add(batch, after, remove: false, totals);
        // A new version of the watermark row: readers that share the rollups' sums by that version (RollupPartCache)
        // must not keep the sums from before this edit.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(RollupSql.Touched) { Parameters = { new("name", RollupKeys.HealthChecks) } });
        // The map cells summed ahead for the presets no longer hold: the page sums them itself until the next refresh.
        if (totals) batch.BatchCommands.Add(new NpgsqlBatchCommand(CellPeriods.RemoveAll));
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static void Add(NpgsqlBatch batch, RollupKey key, bool remove, bool totals)
    {
        if (remove)
        {
            // checks > 0 is a CHECK constraint: delete the last count first, then decrement what is left.
            Command(batch, key, $"DELETE FROM rollup_district_days WHERE {DistrictKey} AND checks = 1");
            Command(batch, key, $"UPDATE rollup_district_days SET checks = checks - 1 WHERE {DistrictKey}");
            Command(batch, key, $"DELETE FROM rollup_district_months WHERE {MonthKey} AND checks = 1");
            Command(batch, key, $"UPDATE rollup_district_months SET checks = checks - 1 WHERE {MonthKey}");
            foreach (var sql in DayTotals.All.SelectMany(t => t.Remove)) Command(batch, key, sql);
        }
        else
        {
            Command(batch, key, """
                INSERT INTO rollup_district_days AS r (day, province, district_code, risk, source, checks) VALUES (@day, @province, @district, @risk, @source, 1)
                ON CONFLICT (day, district_code, province, risk, source) DO UPDATE SET checks = r.checks + 1
                """);
            Command(batch, key, $"""
                INSERT INTO rollup_district_months AS r (month, province, district_code, risk, source, checks) VALUES ({Month}, @province, @district, @risk, @source, 1)
                ON CONFLICT (month, district_code, province, risk, source) DO UPDATE SET checks = r.checks + 1
                """);
            foreach (var dayTotals in DayTotals.All) Command(batch, key, dayTotals.Add);
        }
        if (key.Cell is null) return;
        if (remove)
        {
            Command(batch, key, $"DELETE FROM rollup_cell_days WHERE {CellKey} AND checks = 1");
            Command(batch, key, $"UPDATE rollup_cell_days SET checks = checks - 1 WHERE {CellKey}");
            if (!totals) return;
            Command(batch, key, $"""
                UPDATE rollup_cell_month_to_date r SET checks = r.checks - 1, high_risk = r.high_risk - @high
                WHERE {RestOfMonth}
                """);
            // Before a cell's first check of a month its total is 0 and it has no row: the days that fell to 0 go.
            Command(batch, key, $"DELETE FROM rollup_cell_month_to_date r WHERE {RestOfMonth} AND r.checks <= 0");
        }
        else
        {
            Command(batch, key, """
                INSERT INTO rollup_cell_days AS r (day, cell_row, cell_column, province, district_code, risk, checks)
                VALUES (@day, @row, @column, @province, @district, @risk, 1)
                ON CONFLICT (day, cell_row, cell_column, district_code, province, risk) DO UPDATE SET checks = r.checks + 1
                """);
            if (!totals) return;
            // A check after the newest day moves the newest day: the newest month's cells are first carried up to it
            // (a month's rows run without gaps to its end or the newest day), as a refresh would write them.
            Command(batch, key, $"""
                INSERT INTO rollup_cell_month_to_date (day, cell_row, cell_column, checks, high_risk)
                SELECT g::date, r.cell_row, r.cell_column, r.checks, r.high_risk
                FROM (SELECT max(day) AS last FROM rollup_cell_month_to_date) m
                JOIN rollup_cell_month_to_date r ON r.day = m.last,
                     generate_series((m.last + 1)::timestamp, least(@day, {RollupDay.MonthEndOf("m.last")})::timestamp, interval '1 day') g
                ON CONFLICT DO NOTHING
                """);
            // From the check's day to its month's end, or to the newest day (which is now at least its day).
            Command(batch, key, $"""
                INSERT INTO rollup_cell_month_to_date AS r (day, cell_row, cell_column, checks, high_risk)
                SELECT g::date, @row, @column, 1, @high
                FROM generate_series(@day::timestamp,
                    least({RollupDay.MonthEndOf("@day")}, greatest(@day, (SELECT max(day) FROM rollup_cell_month_to_date)))::timestamp, interval '1 day') g
                ON CONFLICT (day, cell_row, cell_column) DO UPDATE
                SET checks = r.checks + 1, high_risk = r.high_risk + excluded.high_risk
                """);
        }
    }

    private static readonly string Month = RollupDay.MonthOf("@day");
    private const string DistrictKey = "day = @day AND district_code = @district AND province = @province AND risk = @risk AND source = @source";
    private static readonly string MonthKey = $"month = {Month} AND district_code = @district AND province = @province AND risk = @risk AND source = @source";
    private const string CellKey = "day = @day AND cell_row = @row AND cell_column = @column AND district_code = @district AND province = @province AND risk = @risk";
    private static readonly string RestOfMonth = $"r.day BETWEEN @day AND {RollupDay.MonthEndOf("@day")} AND r.cell_row = @row AND r.cell_column = @column";

    private static void Command(NpgsqlBatch batch, RollupKey key, string sql)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        cmd.Parameters.AddWithValue("day", key.Day);
        cmd.Parameters.AddWithValue("province", key.Province);
        cmd.Parameters.AddWithValue("district", key.DistrictCode);
        cmd.Parameters.AddWithValue("risk", key.Risk);
        cmd.Parameters.AddWithValue("source", key.Source);
        cmd.Parameters.AddWithValue("row", key.Cell?.Row ?? 0);
        cmd.Parameters.AddWithValue("column", key.Cell?.Column ?? 0);
        cmd.Parameters.AddWithValue("high", key.HighRisk ? 1 : 0);
        batch.BatchCommands.Add(cmd);
    }
}
