using Admin.Data.Rollups;

namespace Admin.Data.Counting;

/// <summary>
/// The statements behind exact counts from the rollups. One cube of counts per (province, district, risk, source) for a
/// time range: whole months from the monthly rollup, the days at the edges from the daily rollup, the rows the last
/// refresh could not see from the table (through the change-feed index), and parts of days at the ends from the table
/// (through the timestamp index). Every count, facet and filter combination is then a sum over the cube's few hundred rows.
/// </summary>
internal static class RollupCountSql
{
    /// <summary>The cube's dimensions: the base table's column names, which are also the rollups' (district ''-for-none aside).</summary>
    public static readonly string[] Columns = ["province", "district_code", "risk", "source"];

    private const string Watermark = $"FROM rollup_watermarks WHERE name = '{RollupKeys.HealthChecks}'";

    /// <summary>
    /// The last refresh's snapshot and its xmin (no row before the first refresh). Read first and passed to <see cref="CubeLive"/>
    /// as constants: with the xmin as a value the planner sees from its statistics how few rows lie past it and walks the
    /// change-feed index; as a subquery it guessed a third of the table and walked a date range's timestamp index instead.
    /// Also whether months are pending (a refresh has written its days, not yet their months): then every day is summed
    /// from the daily rollup instead, for the few seconds until they are.
    /// The watermark row's version names the rollup rows this snapshot sees (see <see cref="RollupPartCache{TValue}"/>).
    /// </summary>
    public const string Snapshot = $"SELECT xid_snapshot, pg_snapshot_xmin(xid_snapshot::pg_snapshot), cardinality(months_pending) > 0, {Version} {Watermark} AND xid_snapshot IS NOT NULL AND time_zone = @tz";

    /// <summary>The watermark row's version: every transaction that writes the rollups updates that row too.</summary>
    public const string Version = "xmin::text || ':' || xid_snapshot";

    private const string TableDimensions = $"province, coalesce(district_code, '{RollupKeys.NoDistrict}'), risk, source";

    /// <summary>The cube's rollup half: whole months from the monthly rollup, the days at the edges from the daily one.</summary>
    public static readonly string CubeRollups = $"""
        SELECT province, district_code, risk, source, sum(checks)::bigint FROM (
            SELECT province, district_code, risk, source, checks FROM rollup_district_months
            WHERE month >= @m_from AND month < @m_to
            UNION ALL
            {RollupRangeSql.DaysOutsideMonths("SELECT province, district_code, risk, source, checks FROM rollup_district_days", "")}
        ) r
        GROUP BY province, district_code, risk, source
        """;

    /// <summary>
    /// The cube's live half, from the table. Rows the last refresh's snapshot could not see are exactly those whose
    /// creating transaction it could not see (edits of rows it saw already moved their counts in the rollups,
    /// RollupEdits); they all have a change_xid at or after its xmin, so one range of <c>(change_xid, id)</c> finds
    /// them. Parts of days at the ends of the range come through the timestamp index.
    /// </summary>
    public static readonly string CubeLive = $"""
        SELECT province, district_code, risk, source, count(*) FROM (
            SELECT {TableDimensions} FROM health_checks
            WHERE change_xid >= @xmin AND NOT pg_visible_in_snapshot(created_xid, @snapshot::pg_snapshot)
              AND "timestamp" >= @whole_from AND "timestamp" < @whole_to
            UNION ALL
            SELECT {TableDimensions} FROM health_checks
            WHERE ("timestamp" >= @head_from AND "timestamp" < @head_to) OR ("timestamp" >= @tail_from AND "timestamp" < @tail_to)
        ) r (province, district_code, risk, source)
        GROUP BY province, district_code, risk, source
        """;
}
