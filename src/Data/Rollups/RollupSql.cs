namespace Admin.Data.Rollups;

/// <summary>
/// Every statement that writes the rollups, in one place. PostgreSQL does all the counting: the base table is scanned
/// once per refresh (a MATERIALIZED CTE at the finest grain, day x cell x district x risk) and both daily rollups are
/// written from it in the same statement; the cell running totals are then summed from the cell rollup. Days are UTC
/// days, like the records grid's from/to.
/// </summary>
internal static class RollupSql
{
    public const string TryLock = "SELECT pg_try_advisory_lock(@key)";
    public const string Lock = "SELECT pg_advisory_lock(@key)";
    public const string Unlock = "SELECT pg_advisory_unlock(@key)";

    /// <summary>Session-level, set before the lock wait and reset afterwards (the pool resets it too).</summary>
    public const string SetTimeout = "SELECT set_config('statement_timeout', @timeout, false)";
    public const string ResetTimeout = "RESET statement_timeout";

    public const string HighWater = """SELECT max("timestamp") FROM health_checks""";

    public const string Watermark = "SELECT high_water, xid_horizon FROM rollup_watermarks WHERE name = @name";

    /// <summary>This refresh's horizon: transactions from here on may hold rows its snapshot does not see.</summary>
    public const string XidHorizon = "SELECT pg_snapshot_xmin(pg_current_snapshot())";

    /// <summary>
    /// The days, before the look-back window, of rows committed since the last refresh's horizon: late arrivals older
    /// than the window (an offline client's batch, an API write of last month's check). The change-feed index
    /// <c>(change_xid, id)</c> finds them without reading the rest of the table.
    /// </summary>
    public const string LateDays = """
        SELECT DISTINCT ("timestamp" AT TIME ZONE 'UTC')::date FROM health_checks
        WHERE change_xid >= @horizon AND "timestamp" < @from_ts
        ORDER BY 1
        """;

    /// <summary>
    /// A rebuild starts from empty tables. TRUNCATE, not DELETE: millions of dead rows would make every insert's
    /// unique check visit them. The price is that readers wait for the rebuild to commit (the dashboard serves its
    /// cache meanwhile); rebuilds are a rare operator action.
    /// </summary>
    /// <summary>Counting every check groups millions of keys: enough memory to hash them without spilling (about 25% faster at 20M rows).</summary>
    public const string RebuildWorkMem = "SET LOCAL work_mem = '256MB'";

    /// <summary>
    /// An incremental refresh reads a few days through the timestamp index, but the planner prices each late day's range
    /// (bounds it cannot see) at a tenth of the table, and JIT-compiling for that cost took a 0.1 s refresh to 0.64 s.
    /// </summary>
    public const string NoJit = "SET LOCAL jit = off";

    public const string Truncate = "TRUNCATE rollup_district_days, rollup_cell_days, rollup_cell_running_totals";

    /// <summary>The base table (or the part of it in <paramref name="source"/>) counted at the finest grain (day x cell x district x risk), once per refresh.</summary>
    private static string Base(string source) => $"""
        base AS MATERIALIZED (
            SELECT ("timestamp" AT TIME ZONE 'UTC')::date AS day,
                   {GridCell.RowSql} AS cell_row,
                   {GridCell.ColumnSql} AS cell_column,
                   province,
                   coalesce(district_code, '{RollupKeys.NoDistrict}') AS district_code,
                   risk,
                   count(*) AS checks
            FROM {source}
            GROUP BY 1, 2, 3, 4, 5, 6
        ), district_counts AS (
            SELECT day, province, district_code, risk, sum(checks)::int AS checks
            FROM base
            GROUP BY day, province, district_code, risk
        ), cell_counts AS (
            SELECT day, cell_row, cell_column, province, district_code, risk, checks::int AS checks
            FROM base
            WHERE cell_row IS NOT NULL AND cell_column IS NOT NULL
        )
        """;

    /// <summary>A rebuild, into emptied tables: every row inserted. Returns the rows written per rollup.</summary>
    public static readonly string InsertAll = $"""
        WITH {Base("health_checks")}, districts AS (
            INSERT INTO rollup_district_days (day, province, district_code, risk, checks)
            SELECT day, province, district_code, risk, checks FROM district_counts
            RETURNING 1
        ), cells AS (
            INSERT INTO rollup_cell_days (day, cell_row, cell_column, province, district_code, risk, checks)
            SELECT day, cell_row, cell_column, province, district_code, risk, checks FROM cell_counts
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM districts), (SELECT count(*) FROM cells)
        """;

    private const string CountedColumns = """ "timestamp", latitude, longitude, province, district_code, risk """;

    /// <summary>
    /// The rows an incremental refresh recounts: every day from <c>@from_ts</c>, and each late day in <c>@late</c>
    /// (all before it, so nothing is counted twice). Both are ranges of the timestamp index.
    /// </summary>
    private const string Recounted = $"""
        (SELECT {CountedColumns} FROM health_checks WHERE "timestamp" >= @from_ts
         UNION ALL
         SELECT h.* FROM unnest(@late::date[]) AS d(day) CROSS JOIN LATERAL (
             SELECT {CountedColumns} FROM health_checks
             WHERE "timestamp" >= d.day::timestamp AT TIME ZONE 'UTC' AND "timestamp" < (d.day + 1)::timestamp AT TIME ZONE 'UTC') h
        ) recounted
        """;

    /// <summary>
    /// An incremental refresh: recounts the days from <c>@from</c> and the late days in <c>@late</c>, and writes only
    /// what changed: new or changed counts are upserted, counts that vanished are deleted. Unchanged rows (most of the
    /// look-back days) are not rewritten, so a refresh every minute leaves few dead rows behind. Returns the rows
    /// written per rollup.
    /// </summary>
    public static readonly string MergeFrom = $"""
        WITH {Base(Recounted)}, districts AS (
            INSERT INTO rollup_district_days AS r (day, province, district_code, risk, checks)
            SELECT day, province, district_code, risk, checks FROM district_counts
            ON CONFLICT (day, district_code, province, risk) DO UPDATE SET checks = excluded.checks
            WHERE r.checks <> excluded.checks
            RETURNING 1
        ), districts_gone AS (
            DELETE FROM rollup_district_days r
            WHERE (r.day >= @from OR r.day = ANY (@late)) AND NOT EXISTS (
                SELECT 1 FROM district_counts n
                WHERE n.day = r.day AND n.district_code = r.district_code AND n.province = r.province AND n.risk = r.risk)
            RETURNING 1
        ), cells AS (
            INSERT INTO rollup_cell_days AS r (day, cell_row, cell_column, province, district_code, risk, checks)
            SELECT day, cell_row, cell_column, province, district_code, risk, checks FROM cell_counts
            ON CONFLICT (day, cell_row, cell_column, district_code, province, risk) DO UPDATE SET checks = excluded.checks
            WHERE r.checks <> excluded.checks
            RETURNING 1
        ), cells_gone AS (
            DELETE FROM rollup_cell_days r
            WHERE (r.day >= @from OR r.day = ANY (@late)) AND NOT EXISTS (
                SELECT 1 FROM cell_counts n
                WHERE n.day = r.day AND n.cell_row = r.cell_row AND n.cell_column = r.cell_column
                  AND n.district_code = r.district_code AND n.province = r.province AND n.risk = r.risk)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM districts) + (SELECT count(*) FROM districts_gone),
               (SELECT count(*) FROM cells) + (SELECT count(*) FROM cells_gone)
        """;

    /// <summary>
    /// Running totals per cell from <c>@from</c> to the newest cell day: the totals the day before <c>@from</c> plus a
    /// running sum of the recounted days, one row per cell per day (days without checks repeat the total), so any
    /// boundary day has a row. A cell's rows start on its first day with checks; before that its total is 0. Written
    /// like <see cref="MergeFrom"/>: only totals that changed.
    /// </summary>
    public const string MergeRunningTotals = """
        WITH carried AS (
            SELECT cell_row, cell_column, checks_to_date, high_risk_to_date
            FROM rollup_cell_running_totals WHERE day = @from - 1
        ), daily AS (
            SELECT cell_row, cell_column, day, sum(checks) AS checks,
                   coalesce(sum(checks) FILTER (WHERE risk IN ('high', 'critical')), 0) AS high_risk
            FROM rollup_cell_days WHERE day >= @from
            GROUP BY cell_row, cell_column, day
        ), cells AS (
            SELECT cell_row, cell_column, min(first_day) AS first_day
            FROM (SELECT cell_row, cell_column, @from AS first_day FROM carried
                  UNION ALL
                  SELECT cell_row, cell_column, min(day) FROM daily GROUP BY cell_row, cell_column) c
            GROUP BY cell_row, cell_column
        ), days AS (
            SELECT c.cell_row, c.cell_column, g::date AS day
            FROM cells c, generate_series(c.first_day::timestamp, (SELECT max(day) FROM daily)::timestamp, interval '1 day') g
        ), fresh AS (
            SELECT d.day, d.cell_row, d.cell_column,
                   (coalesce(c.checks_to_date, 0) + sum(coalesce(x.checks, 0)) OVER w)::bigint AS checks_to_date,
                   (coalesce(c.high_risk_to_date, 0) + sum(coalesce(x.high_risk, 0)) OVER w)::bigint AS high_risk_to_date
            FROM days d
            LEFT JOIN carried c ON c.cell_row = d.cell_row AND c.cell_column = d.cell_column
            LEFT JOIN daily x ON x.cell_row = d.cell_row AND x.cell_column = d.cell_column AND x.day = d.day
            WINDOW w AS (PARTITION BY d.cell_row, d.cell_column ORDER BY d.day)
        ), written AS (
            -- Unchanged totals are filtered out by one join first: an ON CONFLICT probe each cost ~6 µs, and a late day
            -- months back recomputes hundreds of thousands of totals of which only a few change.
            INSERT INTO rollup_cell_running_totals AS r (day, cell_row, cell_column, checks_to_date, high_risk_to_date)
            SELECT f.day, f.cell_row, f.cell_column, f.checks_to_date, f.high_risk_to_date
            FROM fresh f
            LEFT JOIN rollup_cell_running_totals o ON o.day = f.day AND o.cell_row = f.cell_row AND o.cell_column = f.cell_column
            WHERE (o.checks_to_date, o.high_risk_to_date) IS DISTINCT FROM (f.checks_to_date, f.high_risk_to_date)
            ON CONFLICT (day, cell_row, cell_column) DO UPDATE
            SET checks_to_date = excluded.checks_to_date, high_risk_to_date = excluded.high_risk_to_date
            WHERE (r.checks_to_date, r.high_risk_to_date) IS DISTINCT FROM (excluded.checks_to_date, excluded.high_risk_to_date)
            RETURNING 1
        ), gone AS (
            DELETE FROM rollup_cell_running_totals r
            WHERE r.day >= @from AND NOT EXISTS (
                SELECT 1 FROM fresh f WHERE f.day = r.day AND f.cell_row = r.cell_row AND f.cell_column = r.cell_column)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM gone)
        """;

    public const string SaveWatermark = """
        INSERT INTO rollup_watermarks (name, high_water, xid_horizon, recomputed_from, refreshed_at, rebuilt_at)
        VALUES (@name, @high_water, @horizon, @from, @now, CASE WHEN @rebuilt THEN @now END)
        ON CONFLICT (name) DO UPDATE
        SET high_water = excluded.high_water,
            xid_horizon = excluded.xid_horizon,
            recomputed_from = excluded.recomputed_from,
            refreshed_at = excluded.refreshed_at,
            rebuilt_at = coalesce(excluded.rebuilt_at, rollup_watermarks.rebuilt_at)
        """;

    /// <summary>Fresh statistics after a rebuild, so the planner sizes the readers' scans right straight away.</summary>
    public const string Analyze = "ANALYZE rollup_district_days; ANALYZE rollup_cell_days; ANALYZE rollup_cell_running_totals";
}
