using Admin.Data.Rollups;

namespace Admin.Data.Hotspots;

/// <summary>
/// The dashboard's read queries, each with a naive twin over health_checks for the bench and the tests' oracle. The
/// district and trend queries are one template over a "source" of (day, ..., risk, checks) rows: the district rollup,
/// or health_checks itself (one row = one check), so the two can only differ in where the counts come from. The cell
/// query reads running totals from the rollups and is a plain GROUP BY over the base table.
/// </summary>
internal static class HotspotSql
{
    /// <summary>"High risk" on the dashboard is high or critical (critical only exists in the launch weeks' points rule).</summary>
    private const string High = "risk IN ('high', 'critical')";

    private static readonly string BaseDay = RollupDay.Of("\"timestamp\"");
    private const string BaseRange = "\"timestamp\" >= @scan_from_ts AND \"timestamp\" < @to_end_ts";

    private static string DistrictSource(HotspotSource source) => source == HotspotSource.Rollups
        ? "SELECT day, province, district_code, risk, checks FROM rollup_district_days WHERE day BETWEEN @scan_from AND @to"
        : $"SELECT {BaseDay} AS day, province, coalesce(district_code, '{RollupKeys.NoDistrict}') AS district_code, risk, 1 AS checks FROM health_checks WHERE {BaseRange}";

    private static readonly string BaseCellSource = $"""
        SELECT {BaseDay} AS day, {GridCell.RowSql} AS cell_row, {GridCell.ColumnSql} AS cell_column, risk, 1 AS checks
        FROM health_checks WHERE {BaseRange} AND latitude IS NOT NULL AND longitude IS NOT NULL
        """;

    /// <summary>Period totals and the two hotspot windows, in one pass over the source.</summary>
    private const string Sums = $"""
        coalesce(sum(checks) FILTER (WHERE day >= @from), 0)::bigint AS checks,
        coalesce(sum(checks) FILTER (WHERE day >= @from AND {High}), 0)::bigint AS high_risk,
        coalesce(sum(checks) FILTER (WHERE day >= @recent_from AND {High}), 0)::bigint AS recent_high,
        coalesce(sum(checks) FILTER (WHERE day >= @baseline_from AND day < @recent_from AND {High}), 0)::bigint AS baseline_high
        """;

    /// <summary>Per district and per province (grouping sets: one scan for both).</summary>
    public static string Areas(HotspotSource source) => $"""
        SELECT province, district_code, GROUPING(district_code) = 1 AS province_total,
               {Sums}
        FROM ({DistrictSource(source)}) src
        GROUP BY GROUPING SETS ((province, district_code), (province))
        """;

    /// <summary>
    /// Per grid cell. From the rollups: each boundary b (the period's, the windows') as a total D(b) counted from the
    /// first month any boundary falls in: the month totals before b's month (each month's last month-to-date row) plus
    /// the month-to-date total at b (clamped to the newest day, after which nothing was counted). Period sums are
    /// differences of two D's, so the cost is a few index lookups per cell per month shown, whatever the data's span.
    /// From the base table: a GROUP BY.
    /// </summary>
    public static string Cells(HotspotSource source) => source == HotspotSource.Rollups
        ? $"""
          WITH b AS (
              SELECT least(@to, last) AS t, least(@from - 1, last) AS f, least(@recent_from - 1, last) AS r, least(@baseline_from - 1, last) AS bl
              FROM (SELECT max(day) AS last FROM rollup_cell_month_to_date) m
          ), ends AS (
              SELECT coalesce(array_agg({RollupDay.MonthEndOf("g")}), ARRAY[]::date[]) AS days
              FROM b, generate_series({RollupDay.MonthOf("least(b.f, b.bl)")}::timestamp, {RollupDay.MonthOf("b.t")}::timestamp - interval '1 month', interval '1 month') g
          ), at AS (
              SELECT cell_row, cell_column,
                     {D("checks", "t")} AS checks_t, {D("checks", "f")} AS checks_f,
                     {D("high_risk", "t")} AS high_t, {D("high_risk", "f")} AS high_f,
                     {D("high_risk", "r")} AS high_r, {D("high_risk", "bl")} AS high_bl
              FROM rollup_cell_month_to_date, b, ends
              WHERE day = ANY (ends.days || ARRAY[b.t, b.f, b.r, b.bl])
              GROUP BY cell_row, cell_column
          )
          SELECT cell_row, cell_column, (checks_t - checks_f)::bigint, (high_t - high_f)::bigint, (high_t - high_r)::bigint, (high_r - high_bl)::bigint
          FROM at
          WHERE checks_t > checks_f OR high_t > high_bl
          """
        : $"""
          SELECT cell_row, cell_column, {Sums}
          FROM ({BaseCellSource}) src
          GROUP BY cell_row, cell_column
          HAVING coalesce(sum(checks) FILTER (WHERE day >= @from), 0) > 0
              OR coalesce(sum(checks) FILTER (WHERE day >= @baseline_from AND {High}), 0) > 0
          """;

    /// <summary>D(boundary) of one total: month ends before the boundary's month, plus the month-to-date at it.</summary>
    private static string D(string column, string boundary) =>
        $"coalesce(sum({column}) FILTER (WHERE day = b.{boundary}), 0) + coalesce(sum({column}) FILTER (WHERE day = ANY (ends.days) AND day < {RollupDay.MonthOf("b." + boundary)}), 0)";

    /// <summary>The district with most of a cell's checks in a period: where a click on the cell drills to.</summary>
    public const string TopDistrict = $"""
        SELECT district_code
        FROM rollup_cell_days
        WHERE cell_row = @row AND cell_column = @column AND day BETWEEN @from AND @to AND district_code <> '{RollupKeys.NoDistrict}'
        GROUP BY district_code
        ORDER BY sum(checks) DESC, district_code
        LIMIT 1
        """;

    /// <summary>Checks and high-risk checks per province and day of the period.</summary>
    public static string Trend(HotspotSource source) => $"""
        SELECT day, province, sum(checks)::bigint, coalesce(sum(checks) FILTER (WHERE {High}), 0)::bigint
        FROM ({DistrictSource(source)}) src
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
