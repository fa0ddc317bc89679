namespace Admin.Data.Rollups;

/// <summary>How far the rollups have counted: the next incremental refresh recomputes from a few days before <see cref="HighWater"/>.</summary>
public class RollupWatermark
{
    /// <summary>One row per rollup family; today only <see cref="RollupKeys.HealthChecks"/>.</summary>
    public string Name { get; set; } = "";
    /// <summary>The newest HealthCheck timestamp the last refresh saw (null: the table was empty).</summary>
    public DateTimeOffset? HighWater { get; set; }
    /// <summary>First day the last refresh recomputed; null when it recomputed every day.</summary>
    public DateOnly? RecomputedFrom { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }
    public DateTimeOffset? RebuiltAt { get; set; }
}
