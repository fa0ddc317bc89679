using Admin.Data.Listing;
using Admin.Data.Rollups;

namespace Admin.Data.Counting;

/// <summary>
/// The statements behind the timeline beside the records grid: checks per day, week or month for the grid's filter,
/// from the rollups (whole months from the monthly rollup, other days from the daily one) plus the rows the last
/// refresh could not see (the change-feed index, as for the count label), read in one REPEATABLE READ snapshot.
/// </summary>
internal static class TimelineSql
{
    /// <summary>
    /// The last refresh's snapshot and its xmin (as <see cref="RollupCountSql.Snapshot"/>), and the days the rollups
    /// span: min/max on the daily rollup's leading key column, two index probes; whether months are pending; the
    /// rollups' version (<see cref="RollupCountSql.Version"/>). No row for rollups of another zone (@tz).
    /// </summary>
    public const string SnapshotAndExtent = $"""
        SELECT w.xid_snapshot, pg_snapshot_xmin(w.xid_snapshot::pg_snapshot),
               (SELECT min(day) FROM rollup_district_days), (SELECT max(day) FROM rollup_district_days),
               cardinality(w.months_pending) > 0, {RollupCountSql.Version}
        FROM rollup_watermarks w WHERE w.name = '{RollupKeys.HealthChecks}' AND w.xid_snapshot IS NOT NULL AND w.time_zone = @tz
        """;

    /// <summary>
    /// Checks per bucket (its first day) in the rollups from @d_from to @d_to (exclusive), for filters on <paramref name="filterColumns"/>
    /// (parameters @f0, @f1, …; the rollups' dimensions have the base table's column names). Whole months in
    /// [@m_from, @m_to) come from the monthly rollup; pass @m_from = @m_to for day or week buckets (then every day
    /// comes from the daily rollup). Weeks start on Monday (PostgreSQL's date_trunc). Days are local days of @tz.
    /// </summary>
    public static string BucketsFromRollups(TimelineUnit unit, IReadOnlyList<string> filterColumns)
    {
        var where = Where(filterColumns);
        return $"""
            SELECT bucket, sum(checks)::bigint FROM (
                SELECT {Bucket(unit, "month")}, checks FROM rollup_district_months
                WHERE month >= @m_from AND month < @m_to{where}
                UNION ALL
                {RollupRangeSql.DaysOutsideMonths($"SELECT {Bucket(unit, "day")}, checks FROM rollup_district_days", where)}
            ) r (bucket, checks)
            GROUP BY bucket
            """;
    }

    /// <summary>Checks per bucket of the rows the last refresh could not see (as <see cref="RollupCountSql.CubeLive"/>).</summary>
    public static string BucketsLive(TimelineUnit unit, IReadOnlyList<string> filterColumns) => $"""
        SELECT {Bucket(unit, RollupDay.Of("\"timestamp\""))} AS bucket, count(*) FROM health_checks
        WHERE change_xid >= @xmin AND NOT pg_visible_in_snapshot(created_xid, @snapshot::pg_snapshot)
          AND "timestamp" >= @ts_from AND "timestamp" < @ts_to{Where(filterColumns)}
        GROUP BY bucket
        """;

    private static string Where(IReadOnlyList<string> filterColumns) =>
        string.Concat(filterColumns.Select((c, i) => $" AND {Keyset.Quote(c)} = @f{i}"));

    private static string Bucket(TimelineUnit unit, string dateSql) => unit switch
    {
        TimelineUnit.Day => dateSql,
        TimelineUnit.Week => $"date_trunc('week', ({dateSql})::timestamp)::date",
        _ => RollupDay.MonthOf(dateSql),
    };
}
