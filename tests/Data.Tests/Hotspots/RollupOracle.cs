using Admin.Data.Time;
using Admin.Testing;

namespace Admin.Data.Tests.Hotspots;

/// <summary>The rollups next to a direct GROUP BY over health_checks, written here independently of the refresh SQL.</summary>
internal static class RollupOracle
{
    /// <summary>A snapshot's cells in cell order, to compare two answers whatever order each came in.</summary>
    public static List<Admin.Data.Hotspots.CellHotspot> SortedCells(IEnumerable<Admin.Data.Hotspots.CellHotspot> cells) =>
        cells.OrderBy(c => c.Cell.Row).ThenBy(c => c.Cell.Column).ToList();

    // Rollup days are local days of the display zone (the tests run with the default).
    private const string Zone = DisplayTimeZone.DefaultId;

    private const string DistrictRollup = "SELECT day::text || ' ' || source, province, district_code, risk, checks::bigint FROM rollup_district_days";

    private const string DistrictDirect = $"""
        SELECT (("timestamp" AT TIME ZONE '{Zone}')::date)::text || ' ' || source, province, coalesce(district_code, ''), risk, count(*)
        FROM health_checks GROUP BY 1, 2, 3, 4
        """;

    private const string DistrictMonthRollup = "SELECT month::text || ' ' || source, province, district_code, risk, checks FROM rollup_district_months";

    private const string DistrictMonthDirect = $"""
        SELECT date_trunc('month', "timestamp" AT TIME ZONE '{Zone}')::date::text || ' ' || source, province, coalesce(district_code, ''), risk, count(*)
        FROM health_checks GROUP BY 1, 2, 3, 4
        """;

    // The trend's province days: checks, and the high-risk part under risk "high".
    private const string ProvinceDayRollup = """
        SELECT day::text, province, '', '', checks::bigint FROM rollup_province_days
        UNION ALL
        SELECT day::text, province, '', 'high', high_risk::bigint FROM rollup_province_days WHERE high_risk > 0
        """;

    private const string ProvinceDayDirect = $"""
        SELECT (("timestamp" AT TIME ZONE '{Zone}')::date)::text, province, '', '', count(*) FROM health_checks GROUP BY 1, 2
        UNION ALL
        SELECT (("timestamp" AT TIME ZONE '{Zone}')::date)::text, province, '', 'high', count(*) FROM health_checks WHERE risk IN ('high', 'critical') GROUP BY 1, 2
        """;

    public static Task<List<string>> ProvinceDayRollupAsync(TestDatabase db) => RowsAsync(db, ProvinceDayRollup);
    public static Task<List<string>> ProvinceDayDirectAsync(TestDatabase db) => RowsAsync(db, ProvinceDayDirect);

    // The areas' district day totals: checks, and the high-risk part under risk "high".
    private const string DistrictDayTotalRollup = """
        SELECT day::text, province, district_code, '', checks::bigint FROM rollup_district_day_totals
        UNION ALL
        SELECT day::text, province, district_code, 'high', high_risk::bigint FROM rollup_district_day_totals WHERE high_risk > 0
        """;

    private const string DistrictDayTotalDirect = $"""
        SELECT (("timestamp" AT TIME ZONE '{Zone}')::date)::text, province, coalesce(district_code, ''), '', count(*) FROM health_checks GROUP BY 1, 2, 3
        UNION ALL
        SELECT (("timestamp" AT TIME ZONE '{Zone}')::date)::text, province, coalesce(district_code, ''), 'high', count(*) FROM health_checks WHERE risk IN ('high', 'critical') GROUP BY 1, 2, 3
        """;

    public static Task<List<string>> DistrictDayTotalRollupAsync(TestDatabase db) => RowsAsync(db, DistrictDayTotalRollup);
    public static Task<List<string>> DistrictDayTotalDirectAsync(TestDatabase db) => RowsAsync(db, DistrictDayTotalDirect);

    public static Task<List<string>> DistrictMonthRollupAsync(TestDatabase db) => RowsAsync(db, DistrictMonthRollup);
    public static Task<List<string>> DistrictMonthDirectAsync(TestDatabase db) => RowsAsync(db, DistrictMonthDirect);

    private const string CellRollup = "SELECT day::text || ' ' || cell_row || ',' || cell_column, province, district_code, risk, checks::bigint FROM rollup_cell_days";

    private const string CellDirect = $"""
        SELECT (("timestamp" AT TIME ZONE '{Zone}')::date)::text || ' ' || floor(latitude * 4)::int || ',' || floor(longitude * 4)::int,
               province, coalesce(district_code, ''), risk, count(*)
        FROM health_checks WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4
        """;

    // Each cell's total per month (its last month-to-date row: the month's end, or the newest day), against a count
    // over the base table; and every month's rows run without gaps from the cell's first check to that row.
    private const string CellTotalsRollup = """
        WITH last AS (
            SELECT cell_row, cell_column, date_trunc('month', day::timestamp)::date AS month, max(day) AS day, count(*) AS rows, min(day) AS first
            FROM rollup_cell_month_to_date GROUP BY 1, 2, 3
        )
        SELECT l.cell_row || ',' || l.cell_column || ' ' || l.month, CASE WHEN l.rows = l.day - l.first + 1
                AND l.day = least((l.month + interval '1 month - 1 day')::date, (SELECT max(day) FROM rollup_cell_month_to_date)) THEN '' ELSE 'gaps' END, '', '', r.checks
        FROM last l JOIN rollup_cell_month_to_date r USING (cell_row, cell_column, day)
        UNION ALL
        SELECT l.cell_row || ',' || l.cell_column || ' ' || l.month, '', '', 'high', r.high_risk
        FROM last l JOIN rollup_cell_month_to_date r USING (cell_row, cell_column, day) WHERE r.high_risk > 0
        """;

    private const string CellTotalsDirect = $"""
        SELECT floor(latitude * 4)::int || ',' || floor(longitude * 4)::int || ' ' || date_trunc('month', "timestamp" AT TIME ZONE '{Zone}')::date, '', '', '', count(*)
        FROM health_checks WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1
        UNION ALL
        SELECT floor(latitude * 4)::int || ',' || floor(longitude * 4)::int || ' ' || date_trunc('month', "timestamp" AT TIME ZONE '{Zone}')::date, '', '', 'high', count(*)
        FROM health_checks WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND risk IN ('high', 'critical') GROUP BY 1
        """;

    public static Task<List<string>> CellTotalsRollupAsync(TestDatabase db) => RowsAsync(db, CellTotalsRollup);
    public static Task<List<string>> CellTotalsDirectAsync(TestDatabase db) => RowsAsync(db, CellTotalsDirect);

    public static Task<List<string>> DistrictRollupAsync(TestDatabase db) => RowsAsync(db, DistrictRollup);
    public static Task<List<string>> DistrictDirectAsync(TestDatabase db) => RowsAsync(db, DistrictDirect);
    public static Task<List<string>> CellRollupAsync(TestDatabase db) => RowsAsync(db, CellRollup);
    public static Task<List<string>> CellDirectAsync(TestDatabase db) => RowsAsync(db, CellDirect);

    // Rows as sorted text, so a failure prints which day/area/risk differs.
    private static async Task<List<string>> RowsAsync(TestDatabase db, string sql)
    {
        var rows = new List<string>();
        await using var cmd = db.DataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)} = {reader.GetInt64(4)}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
