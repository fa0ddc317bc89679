namespace Admin.Data.Persistence.Migrations;

/// <summary>
/// What the planner and autovacuum need on <c>health_checks</c> at 20M rows and beyond (measured in the README's
/// "Planner estimates" section).
/// </summary>
internal static class StatisticsSql
{
    /// <summary>
    /// The grid's filter columns get a 1,000-entry statistics target (ANALYZE samples 300k rows instead of 30k): a rare
    /// value such as risk "critical" (1 row in 10,000) was estimated at 0.33× to 2.1× its count from the default sample,
    /// and at 0.86× to 1.11× from this one. Extended statistics (dependencies, mcv) on the same columns made
    /// province-and-risk estimates worse (1.9× against 1.04×), so there are none.
    /// Autovacuum's default scale factors (20 % for VACUUM, 10 % for ANALYZE) wait for millions of changed rows at this
    /// size; these run it after 1-2 %, and the insert threshold keeps the visibility map current for index-only counts.
    /// </summary>
    public const string Tune = """
        ALTER TABLE health_checks
            ALTER COLUMN province SET STATISTICS 1000,
            ALTER COLUMN district_code SET STATISTICS 1000,
            ALTER COLUMN risk SET STATISTICS 1000,
            ALTER COLUMN source SET STATISTICS 1000;
        ALTER TABLE health_checks SET (
            autovacuum_vacuum_scale_factor = 0.02,
            autovacuum_vacuum_insert_scale_factor = 0.02,
            autovacuum_analyze_scale_factor = 0.01);
        """;

    public const string Reset = """
        ALTER TABLE health_checks
            ALTER COLUMN province SET STATISTICS -1,
            ALTER COLUMN district_code SET STATISTICS -1,
            ALTER COLUMN risk SET STATISTICS -1,
            ALTER COLUMN source SET STATISTICS -1;
        ALTER TABLE health_checks RESET (
            autovacuum_vacuum_scale_factor,
            autovacuum_vacuum_insert_scale_factor,
            autovacuum_analyze_scale_factor);
        """;

    /// <summary>
    /// The phone-prefix search walks the number index and sorts each number's few rows as they come (Incremental Sort,
    /// stopping after a page) only while the planner expects many matches. The seed's numbers cluster, and the default
    /// 30k-row sample estimated a 9-digit prefix with 14,326 rows at 52.5M as 29, so the plan sorted every match: 221 ms
    /// against 1.7 ms. From a 300k-row sample the estimate is 5,949 and the plan the incremental one.
    /// </summary>
    public const string PhoneNumber = """
        ALTER TABLE health_checks ALTER COLUMN msisdn SET STATISTICS 1000;
        ANALYZE health_checks (msisdn);
        """;

    public const string PhoneNumberReset = "ALTER TABLE health_checks ALTER COLUMN msisdn SET STATISTICS -1;";

    /// <summary>
    /// The audit trail only grows, and its page's count label counts it (index-only on the primary key) while it is
    /// small enough to count exactly. Rows inserted since the last VACUUM are not all-visible, so each is a heap fetch:
    /// with the default insert scale factor (20 %) up to a fifth of the table waited for one (166k rows: 22k heap fetches,
    /// 98 ms a count). Vacuuming after 1 % of inserts keeps the visibility map current.
    /// </summary>
    public const string AuditVacuum = "ALTER TABLE audit_entries SET (autovacuum_vacuum_insert_scale_factor = 0.01);";

    public const string AuditVacuumReset = "ALTER TABLE audit_entries RESET (autovacuum_vacuum_insert_scale_factor);";
}
