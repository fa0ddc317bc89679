namespace Admin.Data.Observability;

/// <summary>The Performance page's SQL: catalog and statistics views only, each a handful of rows.</summary>
public static class PerformanceSql
{
    public const string HasStatements = "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements')";

    /// <summary>{0}: the ordering column (total_exec_time or mean_exec_time), chosen from two constants, never from input.</summary>
    public const string TopStatements = """
        SELECT s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.rows
        FROM pg_stat_statements s
        WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY {0} DESC
        LIMIT @limit
        """;

    public const string CacheHitRatio = """
        SELECT blks_hit::float8 / nullif(blks_hit + blks_read, 0) FROM pg_stat_database WHERE datname = current_database()
        """;

    /// <summary>The queue is small (finished jobs are deleted after their retention): counted by status.</summary>
    public const string ExportQueue = "SELECT count(*) FILTER (WHERE status = 'queued'), count(*) FILTER (WHERE status = 'running') FROM export_jobs WHERE status IN ('queued', 'running')";

    public static string SetTimeout(TimeSpan limit) =>
        $"SET LOCAL statement_timeout = {Math.Max(1, (long)limit.TotalMilliseconds)}";
}
