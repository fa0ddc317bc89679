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
}
