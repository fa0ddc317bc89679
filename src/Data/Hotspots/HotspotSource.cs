namespace Admin.Data.Hotspots;

public enum HotspotSource
{
    /// <summary>The rollup tables: what the dashboard uses.</summary>
    Rollups,
    /// <summary>A direct GROUP BY over health_checks: the bench's baseline and the tests' oracle.</summary>
    BaseTable,
}
