using Admin.Data.Rollups;

namespace Admin.Data.Hotspots;

/// <summary>
/// The dashboard's read queries. Each is one template over a "source" of (day, ..., risk, checks) rows: the rollup
/// tables for the dashboard, or health_checks itself (one row = one check) for the bench's naive twin and the tests'
/// oracle. Same outer SQL, so the two can only differ in where the counts come from.
/// </summary>
internal static class HotspotSql
{
    /// <summary>"High risk" on the dashboard is high or critical (critical only exists in the launch weeks' points rule).</summary>
    private const string High = "risk IN ('high', 'critical')";

    private const string BaseDay = """("timestamp" AT TIME ZONE 'UTC')::date""";
    private const string BaseRange = "\"timestamp\" >= @scan_from_ts AND \"timestamp\" < @to_end_ts";

    private static string DistrictSource(HotspotSource source) => source == HotspotSource.Rollups
        ? "SELECT day, province, district_code, risk, checks FROM rollup_district_days WHERE day BETWEEN @scan_from AND @to"
        : $"SELECT {BaseDay} AS day, province, coalesce(district_code, '{RollupKeys.NoDistrict}') AS district_code, risk, 1 AS checks FROM health_checks WHERE {BaseRange}";

    private static string CellSource(HotspotSource source) => source == HotspotSource.Rollups
        ? "SELECT day, cell_row, cell_column, district_code, risk, checks FROM rollup_cell_days WHERE day BETWEEN @scan_from AND @to"
        : $"""
          SELECT {BaseDay} AS day, {GridCell.RowSql} AS cell_row, {GridCell.ColumnSql} AS cell_column,
                 coalesce(district_code, '{RollupKeys.NoDistrict}') AS district_code, risk, 1 AS checks
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

    /// <summary>Per grid cell, with the district that holds most of the cell's checks in the period (its drill-down target).</summary>
    public static string Cells(HotspotSource source) => $"""
        SELECT cell_row, cell_column,
               (array_agg(district_code ORDER BY checks DESC, district_code) FILTER (WHERE district_code <> '{RollupKeys.NoDistrict}'))[1] AS top_district,
               sum(checks)::bigint, sum(high_risk)::bigint, sum(recent_high)::bigint, sum(baseline_high)::bigint
        FROM (
            SELECT cell_row, cell_column, district_code,
                   {Sums}
            FROM ({CellSource(source)}) src
            GROUP BY cell_row, cell_column, district_code
        ) per_district
        GROUP BY cell_row, cell_column
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
        : """SELECT (min("timestamp") AT TIME ZONE 'UTC')::date, (max("timestamp") AT TIME ZONE 'UTC')::date, NULL::timestamptz FROM health_checks""";
}
