namespace Admin.Data.Rollups;

/// <summary>
/// Every statement that writes the rollups, in one place. PostgreSQL does all the counting: the base table is scanned
/// once per refresh (a MATERIALIZED CTE at the finest grain, day x cell x district x risk) and both rollups are
/// summed from it in the same statement. Days are UTC days, like the records grid's from/to.
/// </summary>
internal static class RollupSql
{
    public const string TryLock = "SELECT pg_try_advisory_lock(@key)";
    public const string Lock = "SELECT pg_advisory_lock(@key)";
    public const string Unlock = "SELECT pg_advisory_unlock(@key)";

    public const string HighWater = """SELECT max("timestamp") FROM health_checks""";

    public const string Watermark = "SELECT high_water FROM rollup_watermarks WHERE name = @name";

    public const string DeleteFrom = """
        DELETE FROM rollup_district_days WHERE day >= @from;
        DELETE FROM rollup_cell_days WHERE day >= @from;
        """;

    public const string DeleteAll = """
        DELETE FROM rollup_district_days;
        DELETE FROM rollup_cell_days;
        """;

    /// <summary>Recounts checks from <c>@from_ts</c> on (the timestamp index serves the range); <see cref="InsertAll"/> counts every row.</summary>
    public static readonly string InsertFrom = Insert("""WHERE "timestamp" >= @from_ts""");

    public static readonly string InsertAll = Insert("");

    private static string Insert(string where) => $"""
        WITH base AS MATERIALIZED (
            SELECT ("timestamp" AT TIME ZONE 'UTC')::date AS day,
                   {GridCell.RowSql} AS cell_row,
                   {GridCell.ColumnSql} AS cell_column,
                   province,
                   coalesce(district_code, '{RollupKeys.NoDistrict}') AS district_code,
                   risk,
                   count(*) AS checks
            FROM health_checks
            {where}
            GROUP BY 1, 2, 3, 4, 5, 6
        ), districts AS (
            INSERT INTO rollup_district_days (day, province, district_code, risk, checks)
            SELECT day, province, district_code, risk, sum(checks)::int
            FROM base
            GROUP BY day, province, district_code, risk
            RETURNING 1
        ), cells AS (
            INSERT INTO rollup_cell_days (day, cell_row, cell_column, province, district_code, risk, checks)
            SELECT day, cell_row, cell_column, province, district_code, risk, checks::int
            FROM base
            WHERE cell_row IS NOT NULL AND cell_column IS NOT NULL
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM districts), (SELECT count(*) FROM cells)
        """;

    public const string SaveWatermark = """
        INSERT INTO rollup_watermarks (name, high_water, recomputed_from, refreshed_at, rebuilt_at)
        VALUES (@name, @high_water, @from, @now, CASE WHEN @rebuilt THEN @now END)
        ON CONFLICT (name) DO UPDATE
        SET high_water = excluded.high_water,
            recomputed_from = excluded.recomputed_from,
            refreshed_at = excluded.refreshed_at,
            rebuilt_at = coalesce(excluded.rebuilt_at, rollup_watermarks.rebuilt_at)
        """;

    /// <summary>Fresh statistics after a rebuild, so the planner sizes the readers' scans right straight away.</summary>
    public const string Analyze = "ANALYZE rollup_district_days; ANALYZE rollup_cell_days";
}
