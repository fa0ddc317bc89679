namespace Admin.Data.Rollups;

/// <summary>
/// Every statement that writes the rollups, in one place. PostgreSQL does all the counting: the base table is scanned
/// once per refresh (a MATERIALIZED CTE at the finest grain, day x cell x district x risk x source) and both daily
/// rollups are written from it in the same statement; the district months and the cells' month-to-date totals are then
/// summed from those. Days are <see cref="RollupDay"/>s.
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

    /// <summary>"High risk" on the dashboard is high or critical (critical only exists in the launch weeks' points rule); as <see cref="RollupKey.HighRisk"/>.</summary>
    public const string HighRisk = "risk IN ('high', 'critical')";

    public const string Watermark = "SELECT high_water, xid_horizon, months_pending, time_zone, xid_snapshot FROM rollup_watermarks WHERE name = @name";

    /// <summary>This refresh's horizon: transactions from here on may hold rows its snapshot does not see.</summary>
    public const string XidHorizon = "SELECT pg_snapshot_xmin(s), s::text FROM pg_current_snapshot() s";

    /// <summary>
    /// The days whose counts may have changed since the last refresh: the days of rows written since its snapshot
    /// (inserted or updated: <c>change_xid</c> not visible in <c>@seen</c>, found through the change-feed index
    /// <c>(change_xid, id)</c> from <c>@horizon</c>, without reading the rest of the table), and the display-zone days
    /// that overlap each UTC date rows left (deleted, or updated away), as the triggers of <c>rollup_vacated_days</c>
    /// noted them. A NULL day (sorted first) means every day: the table was truncated. With no <c>@seen</c> (a
    /// watermark from before it was kept) every row from the horizon on counts.
    /// </summary>
    public static readonly string ChangedDays = $"""
        SELECT DISTINCT day FROM (
            SELECT {RollupDay.Of("\"timestamp\"")} AS day FROM health_checks
            WHERE change_xid >= @horizon AND (@seen::text IS NULL OR NOT pg_visible_in_snapshot(change_xid, @seen::pg_snapshot))
            UNION ALL
            SELECT {RollupDay.Of("edge.at")} FROM rollup_vacated_days v
            CROSS JOIN LATERAL (VALUES (v.utc_date::timestamp AT TIME ZONE 'UTC'),
                                       ((v.utc_date + 1)::timestamp AT TIME ZONE 'UTC' - interval '1 microsecond')) edge(at)
        ) changed
        ORDER BY day NULLS FIRST
        """;

    /// <summary>
    /// Around <see cref="ChangedDays"/>: the change-feed index orders a batch's rows by their random uuid, so an index scan
    /// visits a heap page per row (148k buffer reads for two days of new rows at 52.5M rows, 176 ms), where a bitmap
    /// scan visits each page once (4.4k, 105 ms); and no JIT for a plan priced by millions of rows it will not read.
    /// </summary>
    public const string ChangedDaysPlan = "SET LOCAL jit = off; SET LOCAL enable_indexscan = off";
    public const string ChangedDaysPlanReset = "SET LOCAL enable_indexscan = on";

    /// <summary>
    /// Clears the vacated dates this refresh read. In its REPEATABLE READ snapshot, so a date noted by a transaction
    /// that commits later is not seen here and stays for the next refresh.
    /// </summary>
    public const string ClearVacated = "DELETE FROM rollup_vacated_days";

    /// <summary>Counting every check groups millions of keys: enough memory to hash them without spilling (about 25% faster at 20M rows).</summary>
    public const string RebuildWorkMem = "SET LOCAL work_mem = '256MB'";

    /// <summary>
    /// An incremental refresh reads a few days through the timestamp index, but the planner prices each late day's range
    /// (bounds it cannot see) at a tenth of the table, and JIT-compiling for that cost took a 0.1 s refresh to 0.64 s.
    /// </summary>
    public const string NoJit = "SET LOCAL jit = off";

    private static readonly string Day = RollupDay.Of("\"timestamp\"");

    /// <summary>The base table (or the part of it in <paramref name="source"/>) counted at the finest grain (day x cell x district x risk x source), once per refresh.</summary>
    private static string Base(string source) => $"""
        base AS MATERIALIZED (
            SELECT {Day} AS day,
                   {GridCell.RowSql} AS cell_row,
                   {GridCell.ColumnSql} AS cell_column,
                   province,
                   coalesce(district_code, '{RollupKeys.NoDistrict}') AS district_code,
                   risk,
                   source,
                   count(*) AS checks
            FROM {source}
            GROUP BY 1, 2, 3, 4, 5, 6, 7
        ), district_counts AS MATERIALIZED (
            SELECT day, province, district_code, risk, source, sum(checks)::int AS checks
            FROM base
            GROUP BY day, province, district_code, risk, source
        ), cell_counts AS MATERIALIZED (
            SELECT day, cell_row, cell_column, province, district_code, risk, sum(checks)::int AS checks
            FROM base
            WHERE cell_row IS NOT NULL AND cell_column IS NOT NULL
            GROUP BY day, cell_row, cell_column, province, district_code, risk
        )
        """;

    private const string CountedColumns = """ "timestamp", latitude, longitude, province, district_code, risk, source """;

    /// <summary>
    /// The rows an incremental refresh recounts: <paramref name="ranges"/> ranges of the timestamp index, the days
    /// <c>@first0</c> to <c>@last0</c> and so on (runs of consecutive changed days). Bounds computed from parameters alone
    /// fold to constants, so the planner sizes each range (the days' rows, not a third of the table) and reads them in one bitmap scan:
    /// 0.2 s for three days of 50k-75k rows at 52.5M rows, against 0.27–0.55 s through a lateral join over the days.
    /// </summary>
    private static string Recounted(int ranges) => $"""
        (SELECT {CountedColumns} FROM health_checks
         WHERE {string.Join("\n OR ", Enumerable.Range(0, ranges).Select(i => $"(\"timestamp\" >= {RollupDay.StartSql($"@first{i}")} AND \"timestamp\" < {RollupDay.StartSql($"@last{i} + 1")})"))}
        ) recounted
        """;

    /// <summary>
    /// An incremental refresh: recounts the days in <c>@days</c> (in <paramref name="ranges"/> runs, see
    /// <see cref="Recounted"/>), and writes only what changed: new or changed counts are upserted, counts that vanished
    /// are deleted. Unchanged rows are not rewritten, so a refresh every minute leaves few dead rows behind.
    /// </summary>
    public static string MergeDays(int ranges) => Merge(Recounted(ranges), day => $"{day} = ANY (@days)");

    /// <summary>
    /// A rebuild: every day recounted and merged the same way, so a rebuild over rollups that were right rewrites
    /// nothing, and readers see the old rollups until it commits.
    /// </summary>
    public static readonly string MergeAll = Merge("health_checks", _ => "true");

    /// <summary>
    /// Recounts <paramref name="source"/> and merges the days <paramref name="days"/> selects (given the day column)
    /// into the daily rollups: only what changed is written (upserts, and deletes of counts that vanished). Every
    /// count and every comparison with the old rollups is done first (the materialized <c>counted</c> scan in FROM is
    /// read before the select list's writes run, and it needs all the changes; EXPLAIN in a test holds that shape), so the first write, which takes a transaction id,
    /// comes after minutes of counting at 20M rows, not before: the change feed's horizon waits only for the writing.
    /// Returns the rows written per rollup, the changes found, and how long the writes took.
    /// </summary>
    private static string Merge(string source, Func<string, string> days) => $"""
        WITH {Base(source)},
        district_old AS MATERIALIZED (
            SELECT day, province, district_code, risk, source, checks FROM rollup_district_days WHERE {days("day")}
        ), district_changes AS MATERIALIZED (
            SELECT n.day, n.province, n.district_code, n.risk, n.source, n.checks FROM district_counts n
            LEFT JOIN district_old o
              ON o.day = n.day AND o.district_code = n.district_code AND o.province = n.province AND o.risk = n.risk AND o.source = n.source
            WHERE o.checks IS DISTINCT FROM n.checks
        ), district_vanished AS MATERIALIZED (
            SELECT o.day, o.province, o.district_code, o.risk, o.source FROM district_old o
            WHERE NOT EXISTS (
                SELECT 1 FROM district_counts n
                WHERE n.day = o.day AND n.district_code = o.district_code AND n.province = o.province AND n.risk = o.risk AND n.source = o.source)
        ), cell_old AS MATERIALIZED (
            SELECT day, cell_row, cell_column, province, district_code, risk, checks FROM rollup_cell_days WHERE {days("day")}
        ), cell_changes AS MATERIALIZED (
            SELECT n.day, n.cell_row, n.cell_column, n.province, n.district_code, n.risk, n.checks FROM cell_counts n
            LEFT JOIN cell_old o
              ON o.day = n.day AND o.cell_row = n.cell_row AND o.cell_column = n.cell_column
             AND o.district_code = n.district_code AND o.province = n.province AND o.risk = n.risk
            WHERE o.checks IS DISTINCT FROM n.checks
        ), cell_vanished AS MATERIALIZED (
            SELECT o.day, o.cell_row, o.cell_column, o.province, o.district_code, o.risk FROM cell_old o
            WHERE NOT EXISTS (
                SELECT 1 FROM cell_counts n
                WHERE n.day = o.day AND n.cell_row = o.cell_row AND n.cell_column = o.cell_column
                  AND n.district_code = o.district_code AND n.province = o.province AND n.risk = o.risk)
        ), counted AS MATERIALIZED (
            SELECT (SELECT count(*) FROM district_changes) + (SELECT count(*) FROM district_vanished)
                 + (SELECT count(*) FROM cell_changes) + (SELECT count(*) FROM cell_vanished) AS changes,
                   clock_timestamp() AS counted_at
        ), districts AS (
            INSERT INTO rollup_district_days AS r (day, province, district_code, risk, source, checks)
            SELECT day, province, district_code, risk, source, checks FROM district_changes
            ON CONFLICT (day, district_code, province, risk, source) DO UPDATE SET checks = excluded.checks
            WHERE r.checks <> excluded.checks
            RETURNING 1
        ), districts_gone AS (
            DELETE FROM rollup_district_days r USING district_vanished v
            WHERE r.day = v.day AND r.district_code = v.district_code AND r.province = v.province AND r.risk = v.risk AND r.source = v.source
            RETURNING 1
        ), cells AS (
            INSERT INTO rollup_cell_days AS r (day, cell_row, cell_column, province, district_code, risk, checks)
            SELECT day, cell_row, cell_column, province, district_code, risk, checks FROM cell_changes
            ON CONFLICT (day, cell_row, cell_column, district_code, province, risk) DO UPDATE SET checks = excluded.checks
            WHERE r.checks <> excluded.checks
            RETURNING 1
        ), cells_gone AS (
            DELETE FROM rollup_cell_days r USING cell_vanished v
            WHERE r.day = v.day AND r.cell_row = v.cell_row AND r.cell_column = v.cell_column
              AND r.district_code = v.district_code AND r.province = v.province AND r.risk = v.risk
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM districts) + (SELECT count(*) FROM districts_gone),
               (SELECT count(*) FROM cells) + (SELECT count(*) FROM cells_gone),
               counted.changes, -- read, so the planner keeps the scan that orders all counting before the writes
               clock_timestamp() - counted.counted_at -- how long the writes took (the transaction id held so far)
        FROM counted
        """;

    /// <summary>
    /// The months a refresh touched, each with the first day recounted in it: the month of every day in <c>@late</c>,
    /// and every month from <c>@from</c> on (none when it is NULL) that has (or had) rows in a cell rollup. A refresh
    /// whose recount moved the newest cell day passes the day after the earlier of the two, so the month-to-date totals
    /// are carried across the days between (or dropped past the new newest day); a rebuild passes a <c>@from</c> before any data, so every month is
    /// recomputed from its first day. One index probe per month, so rows dated years after the rest cost a probe per
    /// empty month between, not a scan.
    /// </summary>
    public static readonly string DirtyMonths = $"""
        SELECT month, min(start) FROM (
            SELECT {RollupDay.MonthOf("d")} AS month, d AS start FROM unnest(@late::date[]) d
            UNION ALL
            SELECT m::date, greatest(m::date, @from)
            FROM generate_series({RollupDay.MonthOf("@from")}::timestamp,
                     {RollupDay.MonthOf("greatest(@from, (SELECT max(day) FROM rollup_cell_days), (SELECT max(day) FROM rollup_cell_month_to_date), (SELECT max(day) FROM rollup_district_days))")}::timestamp,
                     interval '1 month') m
            WHERE EXISTS (SELECT 1 FROM rollup_district_days WHERE day BETWEEN greatest(m::date, @from) AND {RollupDay.MonthEndOf("m")})
               OR EXISTS (SELECT 1 FROM rollup_district_months WHERE month = m::date)
               OR EXISTS (SELECT 1 FROM rollup_cell_month_to_date WHERE day BETWEEN greatest(m::date, @from) AND {RollupDay.MonthEndOf("m")})
        ) x
        GROUP BY month
        ORDER BY month
        """;

    /// <summary>The newest day with cell counts: the newest month's month-to-date rows run up to it.</summary>
    public const string LastCellDay = "SELECT max(day) FROM rollup_cell_days";

    /// <summary>
    /// The district rollup of one month (<c>@month</c>), summed again from its day rows (at most ~31 x 500), written like
    /// <see cref="MergeDays"/> (only what changed). Returns the rows written.
    /// </summary>
    public static readonly string MergeDistrictMonth = $"""
        WITH fresh AS MATERIALIZED (
            SELECT @month AS month, province, district_code, risk, source, sum(checks)::bigint AS checks
            FROM rollup_district_days WHERE day BETWEEN @month AND @month_end
            GROUP BY province, district_code, risk, source
        ), written AS (
            INSERT INTO rollup_district_months AS r (month, province, district_code, risk, source, checks)
            SELECT month, province, district_code, risk, source, checks FROM fresh
            ON CONFLICT (month, district_code, province, risk, source) DO UPDATE SET checks = excluded.checks
            WHERE r.checks <> excluded.checks
            RETURNING 1
        ), gone AS (
            DELETE FROM rollup_district_months r
            WHERE r.month = @month AND NOT EXISTS (
                SELECT 1 FROM fresh f
                WHERE f.district_code = r.district_code AND f.province = r.province AND f.risk = r.risk AND f.source = r.source)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM gone)
        """;

    /// <summary>
    /// Month-to-date totals per cell (<see cref="CellMonthToDate"/>) of one month, from <c>@start</c> (the first day
    /// recounted in it) to <c>@stop</c> (the month's end, or the newest cell day): the total the day before (same
    /// month) plus a running sum of the cell rollup's days. A late row of any age rewrites the rest of its own month,
    /// never the months after it, so the work is bounded by ~31 days x the cells active in the month, whatever the span
    /// of the data. Every range is a constant, so the planner sizes each step from the table's statistics. Written like
    /// <see cref="MergeDays"/>: only totals that changed. Returns the rows written.
    /// </summary>
    public const string MergeMonthToDate = $"""
        WITH carried AS MATERIALIZED (
            SELECT cell_row, cell_column, checks, high_risk
            FROM rollup_cell_month_to_date WHERE day = @start - 1 AND @start > @month
        ), daily AS MATERIALIZED (
            SELECT cell_row, cell_column, day, sum(checks) AS checks,
                   coalesce(sum(checks) FILTER (WHERE {HighRisk}), 0) AS high_risk
            FROM rollup_cell_days WHERE day BETWEEN @start AND @stop
            GROUP BY cell_row, cell_column, day
        ), cells AS (
            SELECT cell_row, cell_column, min(first_day) AS first_day
            FROM (SELECT cell_row, cell_column, @start AS first_day FROM carried
                  UNION ALL
                  SELECT cell_row, cell_column, min(day) FROM daily GROUP BY cell_row, cell_column) c
            GROUP BY cell_row, cell_column
        ), fresh AS MATERIALIZED (
            SELECT g::date AS day, c.cell_row, c.cell_column,
                   (coalesce(k.checks, 0) + sum(coalesce(x.checks, 0)) OVER w)::bigint AS checks,
                   (coalesce(k.high_risk, 0) + sum(coalesce(x.high_risk, 0)) OVER w)::bigint AS high_risk
            FROM cells c
            CROSS JOIN LATERAL generate_series(c.first_day::timestamp, @stop::timestamp, interval '1 day') g
            LEFT JOIN carried k ON k.cell_row = c.cell_row AND k.cell_column = c.cell_column
            LEFT JOIN daily x ON x.cell_row = c.cell_row AND x.cell_column = c.cell_column AND x.day = g::date
            WINDOW w AS (PARTITION BY c.cell_row, c.cell_column ORDER BY g)
        ), old AS MATERIALIZED (
            SELECT day, cell_row, cell_column, checks, high_risk
            FROM rollup_cell_month_to_date WHERE day BETWEEN @start AND @month_end
        ), written AS (
            -- Unchanged totals are filtered out by one join first: an ON CONFLICT probe each costs ~6 µs, and a late day
            -- recomputes the rest of its month for every cell of it, of which only a few change.
            INSERT INTO rollup_cell_month_to_date AS r (day, cell_row, cell_column, checks, high_risk)
            SELECT f.day, f.cell_row, f.cell_column, f.checks, f.high_risk
            FROM fresh f
            LEFT JOIN old o ON o.day = f.day AND o.cell_row = f.cell_row AND o.cell_column = f.cell_column
            WHERE (o.checks, o.high_risk) IS DISTINCT FROM (f.checks, f.high_risk)
            ON CONFLICT (day, cell_row, cell_column) DO UPDATE
            SET checks = excluded.checks, high_risk = excluded.high_risk
            WHERE (r.checks, r.high_risk) IS DISTINCT FROM (excluded.checks, excluded.high_risk)
            RETURNING 1
        ), gone AS (
            DELETE FROM rollup_cell_month_to_date r
            USING old o
            WHERE r.day = o.day AND r.cell_row = o.cell_row AND r.cell_column = o.cell_column AND NOT EXISTS (
                SELECT 1 FROM fresh f WHERE f.day = o.day AND f.cell_row = o.cell_row AND f.cell_column = o.cell_column)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM gone)
        """;

    public const string SaveWatermark = """
        INSERT INTO rollup_watermarks (name, high_water, xid_horizon, xid_snapshot, recomputed_from, refreshed_at, rebuilt_at, months_pending, time_zone)
        VALUES (@name, @high_water, @horizon, @snapshot, @from, @now, CASE WHEN @rebuilt THEN @now END, @pending, @tz)
        ON CONFLICT (name) DO UPDATE
        SET high_water = excluded.high_water,
            months_pending = excluded.months_pending,
            time_zone = excluded.time_zone,
            xid_horizon = excluded.xid_horizon,
            xid_snapshot = excluded.xid_snapshot,
            recomputed_from = excluded.recomputed_from,
            refreshed_at = excluded.refreshed_at,
            rebuilt_at = coalesce(excluded.rebuilt_at, rollup_watermarks.rebuilt_at)
        """;

    /// <summary>A month's district and month-to-date rollups are written: it is no longer pending.</summary>
    public const string MonthWritten = "UPDATE rollup_watermarks SET months_pending = array_remove(months_pending, @month) WHERE name = @name";

    /// <summary>The refresh's last step: its months are written too.</summary>
    public const string Touch = "UPDATE rollup_watermarks SET refreshed_at = @now WHERE name = @name";

    /// <summary>
    /// An edit's deltas: the watermark row gets a new version, nothing else. Every transaction that writes the rollups
    /// updates that row, so its version names the rollups a snapshot sees (Counting.RollupPartCache relies on it).
    /// </summary>
    public const string Touched = "UPDATE rollup_watermarks SET refreshed_at = refreshed_at WHERE name = @name";

    /// <summary>
    /// Fresh statistics after a rebuild, so the planner sizes the readers' scans right straight away: every rollup table
    /// (named rollup_*, as the start-up prewarm finds them too), so a new one cannot be left out.
    /// </summary>
    public const string Analyze = """
        DO $$
        DECLARE t regclass;
        BEGIN
            FOR t IN SELECT c.oid FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'rollup\_%' AND c.relnamespace = 'public'::regnamespace
            LOOP EXECUTE format('ANALYZE %s', t); END LOOP;
        END $$
        """;
}
