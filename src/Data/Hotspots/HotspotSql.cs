using Admin.Data.Rollups;

namespace Admin.Data.Hotspots;

/// <summary>
/// The dashboard's read queries, each with a naive twin over health_checks for the bench and the tests' oracle (a plain
/// GROUP BY, one row = one check). From the rollups, a long period costs about what a short one does: the areas read
/// the period's whole months from the month rollup and only the edge days and the windows' days from the day rollup,
/// the trend reads the province days (nine rows a day), and the cells read a preset period's row summed ahead by the
/// refresh, or else month-to-date totals at a few boundaries.
/// </summary>
internal static class HotspotSql
{
    private const string High = RollupSql.HighRisk;

    private static readonly string BaseDay = RollupDay.Of("\"timestamp\"");
    private const string BaseRange = "\"timestamp\" >= @scan_from_ts AND \"timestamp\" < @to_end_ts";

    private static readonly string BaseDistrictSource =
        $"SELECT {BaseDay} AS day, province, coalesce(district_code, '{RollupKeys.NoDistrict}') AS district_code, risk, 1 AS checks, ({High})::int AS high FROM health_checks WHERE {BaseRange}";

    private static readonly string BaseCellSource = $"""
        SELECT {BaseDay} AS day, {GridCell.RowSql} AS cell_row, {GridCell.ColumnSql} AS cell_column, risk, 1 AS checks, ({High})::int AS high
        FROM health_checks WHERE {BaseRange} AND latitude IS NOT NULL AND longitude IS NOT NULL
        """;

    /// <summary>
    /// Period totals and the two hotspot windows, in one pass over the source (checks, and their high-risk part in
    /// <c>high</c>). <paramref name="inPeriod"/> says whether a row counts toward the period's totals; the windows count
    /// rows by their day (a month row's is null).
    /// </summary>
    private static string Sums(string inPeriod) => $"""
        coalesce(sum(checks) FILTER (WHERE {inPeriod}), 0)::bigint AS checks,
        coalesce(sum(high) FILTER (WHERE {inPeriod}), 0)::bigint AS high_risk,
        coalesce(sum(high) FILTER (WHERE day >= @recent_from), 0)::bigint AS recent_high,
        coalesce(sum(high) FILTER (WHERE day >= @baseline_from AND day < @recent_from), 0)::bigint AS baseline_high
        """;

    private const string DayInPeriod = "day >= @from";

    /// <summary>Whether the last refresh left months to sum: their month rows lag their days until it does.</summary>
    private const string MonthsPending =
        $"coalesce((SELECT cardinality(months_pending) > 0 FROM rollup_watermarks WHERE name = '{RollupKeys.HealthChecks}'), false)";

    /// <summary>
    /// The areas' rows from the rollups. The period's whole months [@m_from, @m_to) come from the month rollup (a row
    /// per key and month instead of ~30), only toward the period's totals; the district day totals (a row per district
    /// and day, not per risk and source too) give the days before them (from @scan_from) and from @gap_to on: the days
    /// after them and the windows' days (which may lie inside them: such a day counts toward the windows only). The
    /// months' other days are read only while months are pending.
    /// </summary>
    private static readonly string RollupAreaSource = $"""
        SELECT NULL::date AS day, province, district_code, checks, CASE WHEN {High} THEN checks ELSE 0 END AS high, true AS in_period
        FROM rollup_district_months WHERE month >= @m_from AND month < @m_to AND NOT {MonthsPending}
        UNION ALL
        SELECT day, province, district_code, checks, high_risk, day >= @from AND ({MonthsPending} OR day < @m_from OR day >= @m_to)
        FROM rollup_district_day_totals WHERE day >= @scan_from AND day < least(@m_from, @to + 1)
        UNION ALL
        SELECT day, province, district_code, checks, high_risk, true
        FROM rollup_district_day_totals WHERE day >= @m_from AND day < @gap_to AND {MonthsPending}
        UNION ALL
        SELECT day, province, district_code, checks, high_risk, day >= @from AND ({MonthsPending} OR day < @m_from OR day >= @m_to)
        FROM rollup_district_day_totals WHERE day >= @gap_to AND day <= @to
        """;

    /// <summary>Per district and per province (grouping sets: one scan for both), from either source.</summary>
    public static string Areas(HotspotSource source)
    {
        var (rows, inPeriod) = source == HotspotSource.Rollups ? (RollupAreaSource, "in_period") : (BaseDistrictSource, DayInPeriod);
        return $"""
            SELECT province, district_code, GROUPING(district_code) = 1 AS province_total,
                   {Sums(inPeriod)}
            FROM ({rows}) src
            GROUP BY GROUPING SETS ((province, district_code), (province))
            """;
    }

    /// <summary>
    /// Per grid cell. From the rollups: a preset period's row of <see cref="CellPeriod"/> (its arrays, one row or none),
    /// summed ahead by the refresh; without one (another period, or an edit removed it) the caller runs
    /// <see cref="SumCells"/>, a second statement, so the common case plans a one-row lookup instead of the whole sum.
    /// From the base table: a GROUP BY, a row per cell.
    /// </summary>
    public static string Cells(HotspotSource source) => source == HotspotSource.Rollups
        ? $"SELECT {string.Join(", ", CellPeriodArrays.Select(a => a.Array))}, {CellRiseP} FROM rollup_cell_periods {CellPeriodKey}"
        : $"""
          SELECT cell_row, cell_column, {Sums(DayInPeriod)}
          FROM ({BaseCellSource}) src
          GROUP BY cell_row, cell_column
          HAVING coalesce(sum(checks) FILTER (WHERE day >= @from), 0) > 0
              OR coalesce(sum(checks) FILTER (WHERE day >= @baseline_from AND {High}), 0) > 0
          """;

    private const string CellPeriodKey = "WHERE period_to = @to AND period_from = @from AND recent_from = @recent_from AND baseline_from = @baseline_from";

    /// <summary>rollup_cell_periods' p-values of each cell's rise, computed by the refresh in C# (not summed): read after the arrays.</summary>
    public const string CellRiseP = "rise_p";

    /// <summary>The window counts' arrays, from which the refresh computes <see cref="CellRiseP"/>.</summary>
    public const string RecentHighArray = "recent_high", BaselineHighArray = "baseline_high";

    /// <summary>rollup_cell_periods' arrays, each with the summed cells' column it holds, in one order for reading and writing.</summary>
    private static readonly (string Array, string Column)[] CellPeriodArrays =
    [
        ("cell_rows", "cell_row"), ("cell_columns", "cell_column"), ("checks", "checks"),
        ("high_risk", "high_risk"), (RecentHighArray, "recent_high"), (BaselineHighArray, "baseline_high"),
    ];

    /// <summary>Per grid cell from the month-to-date totals, a row per cell in the columns' order of <see cref="Cells"/>' arrays.</summary>
    public static readonly string SumCells = SummedCells();

    /// <summary>A period's cells as parallel arrays in cell order, as <see cref="CellPeriod"/> stores them (the refresh, per preset).</summary>
    public static readonly string SumCellPeriod = $"""
        SELECT {string.Join(", ", CellPeriodArrays.Select(a => $"coalesce(array_agg({a.Column} ORDER BY cell_row, cell_column), '{{}}') AS {a.Array}"))}
        FROM ({SumCells}) s
        """;

    /// <summary>Stores one period's arrays, summed by <see cref="SumCellPeriod"/> beforehand (so no transaction id is held while summing), and their p-values.</summary>
    public static readonly string WriteCellPeriod = $"""
        INSERT INTO rollup_cell_periods (period_from, period_to, recent_from, baseline_from, {string.Join(", ", CellPeriodArrays.Select(a => a.Array))}, {CellRiseP})
        VALUES (@from, @to, @recent_from, @baseline_from, {string.Join(", ", CellPeriodArrays.Select((_, i) => "@a" + i))}, @rise_p)
        """;

    /// <summary>
    /// Per grid cell from the month-to-date totals: each boundary b (the period's, the windows') as a total D(b)
    /// counted from the first month any boundary falls in: the month totals before b's month (each month's last
    /// month-to-date row) plus the month-to-date total at b (clamped to the newest day, after which nothing was
    /// counted). Period sums are differences of two D's, so the cost is a few index lookups per cell per month shown,
    /// whatever the data's span. Each day read gets its weight in each difference first, in a dozen rows (materialized:
    /// inlined, the weights' date arithmetic ran for every cell row and took half the statement), so a cell row costs
    /// four multiply-adds, in integers: sum(bigint) accumulates in numeric, and that took a third of the statement at
    /// 50M rows (a cell's month to date stays far below 2^31 checks; the sums are bigint).
    /// </summary>
    private static string SummedCells() => $"""
        WITH b AS (
            SELECT least(@to, last) AS t, least(@from - 1, last) AS f, least(@recent_from - 1, last) AS r, least(@baseline_from - 1, last) AS bl
            FROM (SELECT max(day) AS last FROM rollup_cell_month_to_date) m
        ), days AS (
            SELECT day, bool_or(month_end) AS month_end
            FROM (SELECT {RollupDay.MonthEndOf("g")} AS day, true AS month_end
                  FROM b, generate_series({RollupDay.MonthOf("least(b.f, b.bl)")}::timestamp, {RollupDay.MonthOf("b.t")}::timestamp - interval '1 month', interval '1 month') g
                  UNION ALL
                  SELECT unnest(ARRAY[b.t, b.f, b.r, b.bl]), false FROM b) x
            GROUP BY day
        ), weights AS MATERIALIZED (
            SELECT days.day, {D("t")} - {D("f")} AS period, {D("t")} - {D("r")} AS recent, {D("r")} - {D("bl")} AS baseline
            FROM days, b
        )
        SELECT c.cell_row, c.cell_column, sum(c.checks::int * w.period) AS checks, sum(c.high_risk::int * w.period) AS high_risk,
               sum(c.high_risk::int * w.recent) AS recent_high, sum(c.high_risk::int * w.baseline) AS baseline_high
        FROM weights w JOIN rollup_cell_month_to_date c ON c.day = w.day
        GROUP BY c.cell_row, c.cell_column
        HAVING sum(c.checks::int * w.period) > 0 OR sum(c.high_risk::int * (w.recent + w.baseline)) > 0
        """;

    /// <summary>How often a day's month-to-date row counts in D(boundary): once at the boundary, once as a month end before its month.</summary>
    private static string D(string boundary) =>
        $"((days.day = b.{boundary})::int + (days.month_end AND days.day < {RollupDay.MonthOf("b." + boundary)})::int)";

    /// <summary>The district with most of a cell's checks in a period: where a click on the cell drills to.</summary>
    public const string TopDistrict = $"""
        SELECT district_code
        FROM rollup_cell_days
        WHERE cell_row = @row AND cell_column = @column AND day BETWEEN @from AND @to AND district_code <> '{RollupKeys.NoDistrict}'
        GROUP BY district_code
        ORDER BY sum(checks) DESC, district_code
        LIMIT 1
        """;

    /// <summary>
    /// Checks and high-risk checks per province and day of the period: from the province days (nine rows a day, always
    /// in step with the district days), or a GROUP BY over the base table.
    /// </summary>
    public static string Trend(HotspotSource source) => source == HotspotSource.Rollups
        ? """
          SELECT day, province, checks::bigint, high_risk::bigint
          FROM rollup_province_days WHERE day BETWEEN @from AND @to
          ORDER BY day, province
          """
        : $"""
          SELECT day, province, sum(checks)::bigint, coalesce(sum(checks) FILTER (WHERE {High}), 0)::bigint
          FROM ({BaseDistrictSource}) src
          WHERE day >= @from
          GROUP BY day, province
          ORDER BY day, province
          """;

    public static string RefreshedAt(HotspotSource source) => source == HotspotSource.Rollups
        ? $"SELECT refreshed_at FROM rollup_watermarks WHERE name = '{RollupKeys.HealthChecks}'"
        : "SELECT NULL::timestamptz";

    /// <summary>min/max on the leading key column (or the timestamp index): two index probes, not a scan.</summary>
    public static string Extent(HotspotSource source) => source == HotspotSource.Rollups
        ? $"SELECT min(day), max(day), (SELECT refreshed_at FROM rollup_watermarks WHERE name = '{RollupKeys.HealthChecks}') FROM rollup_district_days"
        : $"""SELECT {RollupDay.Of("min(\"timestamp\")")}, {RollupDay.Of("max(\"timestamp\")")}, NULL::timestamptz FROM health_checks""";
}
