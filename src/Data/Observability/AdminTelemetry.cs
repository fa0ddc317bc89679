using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Admin.Data.Observability;

/// <summary>
/// The app's one ActivitySource and one Meter (both named <see cref="Name"/>), and the instruments the data code records
/// into. Static, like the BCL's own sources: any code can record without plumbing, and with nobody listening a span
/// costs one null check and a histogram record a few nanoseconds. Hosts export them with OpenTelemetry (AddObservability).
/// </summary>
public static class AdminTelemetry
{
    public const string Name = "Admin";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    // Seconds, from a cached keyset window (~0.2 ms) to a requested exact count (2 min limit).
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120];
    // Rows per second of an export: a filtered slice to a 500k rows/s COPY.
    private static readonly double[] RateBuckets = [1_000, 10_000, 50_000, 100_000, 200_000, 300_000, 400_000, 500_000, 750_000, 1_000_000, 2_000_000];

    /// <summary>Tags: admin.table, admin.anchor, error.type.</summary>
    public static readonly Histogram<double> GridWindowDuration = Seconds("admin.grid.window.duration", "Keyset window fetches of a grid (one SELECT each).");
    /// <summary>Tags: admin.table, admin.count.outcome = rollups | exact | estimate | timed_out | known_slow (cut off twice before, <see cref="Counting.SlowCounts"/>) | cancelled | failed.</summary>
    public static readonly Histogram<double> CountDuration = Seconds("admin.count.duration", "Count labels, by outcome.");
    /// <summary>Tags: admin.table, admin.search.kind.</summary>
    public static readonly Histogram<double> SearchDuration = Seconds("admin.search.duration", "Searches (a window fetch with search text), by kind.");
    /// <summary>Tags: admin.cache = hit | miss.</summary>
    public static readonly Histogram<double> HotspotSnapshotDuration = Seconds("admin.hotspot.snapshot.duration", "Hotspot snapshots, served from the cache or computed.");
    /// <summary>Tags: admin.api.operation, http.response.status_code.</summary>
    public static readonly Histogram<double> ApiDuration = Seconds("admin.api.request.duration", "API calls: feed pages and (batch) POSTs.");
    /// <summary>Tags: admin.export.format, admin.export.outcome.</summary>
    public static readonly Histogram<double> ExportDuration = Seconds("admin.export.duration", "Export jobs, start to end.");
    public static readonly Histogram<double> ExportRate = Meter.CreateHistogram("admin.export.rate", "{row}/s", "Rows per second of each finished export job.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RateBuckets });
    public static readonly Counter<long> ExportRows = Meter.CreateCounter<long>("admin.export.rows", "{row}", "Rows written by export jobs.");
    /// <summary>Tags: admin.rollup.kind = incremental | rebuild, admin.rollup.ran.</summary>
    public static readonly Histogram<double> RollupRefreshDuration = Seconds("admin.rollup.refresh.duration", "Rollup refreshes and rebuilds.");
    public static readonly UpDownCounter<long> CircuitsOpen = Meter.CreateUpDownCounter<long>("admin.circuits.open", "{circuit}", "Blazor circuits open on this node.");
    public static readonly UpDownCounter<long> CircuitsActive = Meter.CreateUpDownCounter<long>("admin.circuits.active", "{circuit}", "Blazor circuits with a live connection on this node.");
    public static readonly Counter<long> SlowStatements = Meter.CreateCounter<long>("admin.db.slow_statements", "{statement}", "Statements slower than Database:SlowStatementMs.");

    public static readonly ObservableGauge<double> RollupStaleness = Meter.CreateObservableGauge("admin.rollup.staleness",
        () => RollupFreshness.RefreshedAt is { } at ? [new Measurement<double>((DateTimeOffset.UtcNow - at).TotalSeconds)] : Array.Empty<Measurement<double>>(),
        "s", "Now minus the rollups' last refresh (their watermark); absent until this node has seen one.");

    // Explicit, so that touching any member (Initialize) creates every instrument before an exporter subscribes.
    static AdminTelemetry() { }

    /// <summary>Creates the instruments now (static fields are otherwise created on first use, after a scrape found none).</summary>
    public static void Initialize() { }

    private static Histogram<double> Seconds(string name, string description) =>
        Meter.CreateHistogram(name, "s", description, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    /// <summary>Starts a span for one user-visible operation; null when nobody listens (then it costs nothing).</summary>
    public static Activity? StartInteraction(string name, string? table = null)
    {
        var activity = Source.StartActivity(name);
        if (activity is { IsAllDataRequested: true } && table is not null) activity.SetTag("admin.table", table);
        return activity;
    }

    /// <summary>Marks a span failed (cancellation is not a failure) and names the error for the histograms.</summary>
    public static string? Fail(Activity? activity, Exception ex)
    {
        if (ex is OperationCanceledException)
        {
            activity?.SetTag("admin.cancelled", true);
            return "cancelled";
        }
        activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
        return ex is Npgsql.PostgresException pg ? pg.SqlState : ex.GetType().Name;
    }
}
