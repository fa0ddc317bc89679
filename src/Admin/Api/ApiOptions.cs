namespace Admin.Api;

/// <summary>The data-lake API's limits (configuration section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public int DefaultPageSize { get; set; } = 1000;
    public int MaxPageSize { get; set; } = 5000;

    /// <summary>
    /// How many change-feed entries one filtered page may examine (province, district, risk, since): bounds every page's
    /// cost whatever the filter; a rare filter gives short pages, never slow ones. ~20k entries take ~10 ms at 20M rows.
    /// </summary>
    public int ScanBudget { get; set; } = 20_000;

    /// <summary>
    /// A cursor older than this is refused (400): a leaked cursor stops working, and clients learn to resume within a
    /// month. A client that comes back later starts a new crawl.
    /// </summary>
    public TimeSpan CursorMaxAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Requests per key per window (a fixed window); unauthenticated API requests are limited per address.</summary>
    public int RateLimitPermits { get; set; } = 1200;
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Records in one batch POST.</summary>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Statement time limit for writing one batch (the app's general limit is shorter; a batch is bounded by its size).</summary>
    public TimeSpan BatchStatementTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Request body limits: one record, and a batch (10,000 records of ~1 KB each fit comfortably).</summary>
    public long MaxRecordBodyBytes { get; set; } = 64 * 1024;
    public long MaxBatchBodyBytes { get; set; } = 32 * 1024 * 1024;
}
