using Admin.Testing;

namespace Admin.Load.Running;

/// <summary>
/// The app's own GC figures, read from its Prometheus endpoint (<c>--app-metrics URL</c>; the app serves .NET's runtime
/// metrics there): collections by generation and the total time the GC paused it. Under load a server's GC pauses every
/// request in flight, so its pauses per window sit in the timeline beside the harness's own. Works against any
/// deployment whose metrics port the harness can reach, unlike the /proc figures of --app-pid.
/// </summary>
public sealed class AppGcMetrics(Uri endpoint) : IDisposable
{
    private const string Pause = "dotnet_gc_pause_time_seconds_total";
    private const string Collections = "dotnet_gc_collections_total";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private AppGcReading? _first, _last;

    /// <summary>Reads the endpoint; the pause (ms) since the last reading, or null when it could not be read.</summary>
    public async Task<double?> SampleAsync(CancellationToken ct)
    {
        AppGcReading reading;
        try
        {
            reading = Parse(await _http.GetStringAsync(endpoint, ct));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or FormatException)
        {
            return null; // a missed scrape leaves the window without the app's pause; the totals come from the others
        }
        var since = _last is { } last ? (reading.PauseSeconds - last.PauseSeconds) * 1000 : (double?)null;
        _first ??= reading;
        _last = reading;
        return since;
    }

    /// <summary>Collections and pause between the first and the last reading; null with fewer than two.</summary>
    public AppGcFigures? Figures(double seconds) =>
        _first is { } a && _last is { } b && !ReferenceEquals(a, b)
            ? new AppGcFigures(b.Gen0 - a.Gen0, b.Gen1 - a.Gen1, b.Gen2 - a.Gen2, Math.Round(b.PauseSeconds - a.PauseSeconds, 2),
                Math.Round((b.PauseSeconds - a.PauseSeconds) / seconds * 100, 1))
            : null;

    /// <summary>The GC's counters in Prometheus's text format; throws FormatException when the pause is not there.</summary>
    public static AppGcReading Parse(string text)
    {
        var series = PrometheusText.Parse(text);
        var pause = series.Of(Pause).ToList();
        if (pause.Count == 0) throw new FormatException($"No {Pause} in the app's metrics.");
        var collections = series.Of(Collections).ToList();
        long Gen(string generation) =>
            (long)collections.Where(kv => kv.Key.Contains($"gc_heap_generation=\"{generation}\"", StringComparison.Ordinal)).Sum(kv => kv.Value);
        return new AppGcReading(pause.Sum(kv => kv.Value), Gen("gen0"), Gen("gen1"), Gen("gen2"));
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One reading of the app's GC counters: total pause (s) and collections by generation since it started.</summary>
public sealed record AppGcReading(double PauseSeconds, long Gen0, long Gen1, long Gen2);

/// <summary>The app's collections by generation during the run, the seconds its GC paused it, and that as % of the run.</summary>
public sealed record AppGcFigures(long Gen0, long Gen1, long Gen2, double PauseSeconds, double PausePercent);
