using Admin.Testing;

namespace Admin.Data.Tests.Hotspots;

/// <summary>The rollups next to a direct GROUP BY over health_checks, written here independently of the refresh SQL.</summary>
internal static class RollupOracle
{
    private const string DistrictRollup = "SELECT day::text, province, district_code, risk, checks::bigint FROM rollup_district_days";

    private const string DistrictDirect = """
        SELECT (("timestamp" AT TIME ZONE 'UTC')::date)::text, province, coalesce(district_code, ''), risk, count(*)
        FROM health_checks GROUP BY 1, 2, 3, 4
        """;

    private const string CellRollup = "SELECT day::text || ' ' || cell_row || ',' || cell_column, province, district_code, risk, checks::bigint FROM rollup_cell_days";

    private const string CellDirect = """
        SELECT (("timestamp" AT TIME ZONE 'UTC')::date)::text || ' ' || floor(latitude * 4)::int || ',' || floor(longitude * 4)::int,
               province, coalesce(district_code, ''), risk, count(*)
        FROM health_checks WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4
        """;

    // Each cell's total to date on the newest day, against a count over the whole base table.
    private const string CellTotalsRollup = """
        SELECT cell_row || ',' || cell_column, '', '', '', checks_to_date FROM rollup_cell_running_totals
        WHERE day = (SELECT max(day) FROM rollup_cell_running_totals)
        UNION ALL
        SELECT cell_row || ',' || cell_column, '', '', 'high', high_risk_to_date FROM rollup_cell_running_totals
        WHERE day = (SELECT max(day) FROM rollup_cell_running_totals) AND high_risk_to_date > 0
        """;

    private const string CellTotalsDirect = """
        SELECT floor(latitude * 4)::int || ',' || floor(longitude * 4)::int, '', '', '', count(*)
        FROM health_checks WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1
        UNION ALL
        SELECT floor(latitude * 4)::int || ',' || floor(longitude * 4)::int, '', '', 'high', count(*)
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
