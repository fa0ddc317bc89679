namespace Admin.Observability;

/// <summary>Section "Observability": what the app exports. OTLP follows the standard OTEL_EXPORTER_OTLP_ENDPOINT variable.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Off: no OpenTelemetry providers at all (to measure what instrumentation costs).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Log lines as JSON objects (with trace and span ids) instead of text.</summary>
    public bool JsonLogs { get; set; }
}

/// <summary>Section "Metrics": the Prometheus scrape endpoint, on a port of its own, never on the app's public port.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>0 picks a free port (tests); negative turns the endpoint off.</summary>
    public int Port { get; set; } = 9464;

    /// <summary>Loopback by default: a Prometheus on this machine (or a sidecar) scrapes it; nobody else reaches it.</summary>
    public string Address { get; set; } = "127.0.0.1";

    public string Path { get; set; } = "/metrics";
}
