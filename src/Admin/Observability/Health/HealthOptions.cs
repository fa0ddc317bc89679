namespace Admin.Observability.Health;

/// <summary>Section "Health": what the readiness probe calls too slow or too old.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>The database must answer SELECT 1 within this, or the node is Unhealthy.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rollups last refreshed longer ago than this: Degraded (the refresh runs every minute by default).</summary>
    public TimeSpan RollupMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The export worker's last poll older than this: Degraded (it polls every 5 s by default).</summary>
    public TimeSpan ExportWorkerMaxSilence { get; set; } = TimeSpan.FromMinutes(2);
}
