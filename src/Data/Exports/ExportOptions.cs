namespace Admin.Data.Exports;

/// <summary>How exports run: bound from the "Exports" configuration section.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Where background exports write their files; empty means {temp}/admin-exports. Several app nodes must share it.</summary>
    public string Directory { get; set; } = "";

    /// <summary>
    /// Exports the planner estimates at or below this many rows download at once; larger ones run as background jobs.
    /// 100k rows of CSV is ~30 MB and about a second of work: fine to hold a request for, too big to hold for 20M rows.
    /// </summary>
    public long DirectDownloadMaxRows { get; set; } = 100_000;

    /// <summary>
    /// The export limit: the statement_timeout an export's own transaction runs under (SET LOCAL), instead of the app's
    /// 5 s Database:StatementTimeout, which a 20M-row COPY could never meet.
    /// </summary>
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Background jobs running at once on one app node (each may use <see cref="Parallelism"/> connections).</summary>
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>
    /// COPY streams one large export is split into (key ranges of the list's ordering, one shared snapshot): PostgreSQL
    /// formats rows on one core per backend, so this is what lets an export use more than one.
    /// </summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>Below this estimate an export is one COPY stream (splitting costs a sample query and a file append).</summary>
    public long ParallelMinRows { get; set; } = 1_000_000;

    /// <summary>Npgsql's read buffer for export connections (<see cref="ExportDataSource"/>); its default is 8 KB.</summary>
    public int ReadBufferSize { get; set; } = 1 << 20;

    /// <summary>Compress background export files (gzip, fastest level). Costs client CPU; saves ~5x disk.</summary>
    public bool Gzip { get; set; }

    /// <summary>How long a finished export's file is kept for download.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often a running job writes its rows_done (the progress bar's source).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the worker looks for queued jobs other nodes created (jobs created here wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often expired files are removed and jobs orphaned by a dead node are recovered.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether this node runs background export jobs at all.</summary>
    public bool RunJobs { get; set; } = true;

    public string ResolvedDirectory =>
        string.IsNullOrWhiteSpace(Directory) ? Path.Combine(Path.GetTempPath(), "admin-exports") : Path.GetFullPath(Directory);
}
