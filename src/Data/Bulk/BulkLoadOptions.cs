namespace Admin.Data.Bulk;

/// <summary>How <see cref="BulkLoader"/> writes: chosen from the table's size, or forced (tests, operators).</summary>
public enum BulkLoadMode
{
    /// <summary>Bulk into an empty table or when the load at least doubles it; incremental otherwise.</summary>
    Auto,
    /// <summary>One transaction: drop indexes and foreign keys, COPY, rebuild them.</summary>
    Bulk,
    /// <summary>COPY into a staging table and merge with ON CONFLICT DO NOTHING, one transaction per batch.</summary>
    Incremental,
}

public sealed record BulkLoadOptions
{
    public long Rows { get; init; }
    public int Seed { get; init; } = 42;
    /// <summary>Vaccine registrations to add; null means <see cref="Rows"/>/20.</summary>
    public long? VaccineRows { get; init; }
    /// <summary>Load nothing when health_checks already has rows.</summary>
    public bool IfEmpty { get; init; }
    public BulkLoadMode Mode { get; init; } = BulkLoadMode.Auto;
    /// <summary>How rows reach COPY; <see cref="CopyPath.Encoded"/> is several times cheaper on the client.</summary>
    public CopyPath CopyPath { get; init; } = CopyPath.Encoded;
    /// <summary>Rows per generated batch handed from the generator to the writer.</summary>
    public int BatchSize { get; init; } = 8192;
    /// <summary>Rows per transaction in incremental mode.</summary>
    public int CommitRows { get; init; } = 100_000;
    /// <summary>maintenance_work_mem for the index builds of a bulk load; null sizes it from the row count (see <see cref="MaintenanceWorkMemFor"/>).</summary>
    public string? MaintenanceWorkMem { get; init; }
    /// <summary>
    /// Sessions that build a bulk load's indexes into an empty table at once: 2 runs the GIN build (one core in PostgreSQL
    /// 15) beside the btrees; 1 builds every index inside the load's one transaction.
    /// </summary>
    public int IndexSessions { get; init; } = 2;
    /// <summary>
    /// Parallel workers per index build (besides the leader); null: 2 when one session builds, none when two do (at 5M
    /// rows on 2 cores the index phase took 84.6 s in one session with 2 workers, 74.4 s in two with 1 each, 61.8 s in
    /// two without: more processes than cores only contend). A bigger server may want more.
    /// </summary>
    public int? MaintenanceWorkers { get; init; }

    /// <summary>The workers per build for <paramref name="sessions"/> sessions building at once.</summary>
    public int WorkersFor(int sessions) => MaintenanceWorkers ?? (sessions > 1 ? 0 : 2);
    /// <summary>Compress the WAL of the bulk transaction with lz4 where the server allows it (superuser, lz4 built in).</summary>
    public bool CompressWal { get; init; } = true;
    /// <summary>
    /// A bulk load into a table of at most this many rows rewrites it (its deduplication ids held in memory, about
    /// 32 bytes each); a bigger one merges through a staging table.
    /// </summary>
    public long RewriteMaxRows { get; init; } = 5_000_000;
    /// <summary>Called from the loader's thread as work advances; keep it cheap.</summary>
    public Action<BulkLoadProgress>? Progress { get; init; }

    public long EffectiveVaccineRows => VaccineRows ?? Rows / 20;

    /// <summary>
    /// Enough for every participant of a parallel index build to sort its share in memory: an index tuple costs
    /// about 110 bytes in a sort (measured at 20M rows, where 2GB split over three participants spilled to disk),
    /// so 160 bytes a row with some headroom, between 256MB and 4GB. Memory is only taken as the sort fills.
    /// </summary>
    public static string MaintenanceWorkMemFor(long rows) =>
        Math.Clamp(rows * 160 / (1024 * 1024), 256, 4096).ToString(System.Globalization.CultureInfo.InvariantCulture) + "MB";
}

public enum BulkLoadStep { Copy, Indexes, Analyze }

/// <summary>Progress of one step of one table: rows copied, or indexes rebuilt, out of the total.</summary>
public readonly record struct BulkLoadProgress(string Table, BulkLoadStep Step, long Done, long Total, string? Detail = null);
