namespace Admin.Data.Hotspots;

/// <summary>The "Hotspots" configuration section: rollup refresh, hotspot rule and dashboard cache.</summary>
public sealed class HotspotOptions
{
    public const string Section = "Hotspots";

    /// <summary>How often the background service refreshes the rollups incrementally.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Turn off on nodes that should only serve the dashboard (any node may refresh: the advisory lock keeps it to one at a time).</summary>
    public bool BackgroundRefresh { get; set; } = true;

    /// <summary>
    /// Statement time limit for a refresh or rebuild, replacing the app's short per-statement limit (Database:StatementTimeout)
    /// on the refresh's own connection: a first refresh over tens of millions of rows takes minutes. Zero: no limit.
    /// </summary>
    public TimeSpan RefreshStatementTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Length of the "recent" window a hotspot is judged on, ending on the period's last day.</summary>
    public int RecentDays { get; set; } = 7;

    /// <summary>Length of the baseline window just before the recent one.</summary>
    public int BaselineDays { get; set; } = 28;

    /// <summary>Areas with fewer recent high-risk checks are not tested: a jump from 1 to 4 is not an outbreak.</summary>
    public int MinimumRecentHighRisk { get; set; } = 10;

    /// <summary>A significant rise must also be a large one: recent daily rate at least this multiple of the baseline rate.</summary>
    public double MinimumRateRatio { get; set; } = 1.5;

    /// <summary>Chance of one or more false flags per layer when nothing changed (Bonferroni over the areas tested).</summary>
    public double FamilyFalseAlarmRate { get; set; } = 0.05;

    /// <summary>How long a dashboard query result is fresh; after that the next reader triggers one refresh.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an expired result may still be served while the database is slow or down.</summary>
    public TimeSpan CacheFailSafeMaxDuration { get; set; } = TimeSpan.FromHours(12);

    /// <summary>When a refresh takes longer than this and an older value exists, the older value is served and the refresh finishes in the background.</summary>
    public TimeSpan CacheSoftTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Empty when the options make sense; otherwise what to fix.</summary>
    public IEnumerable<string> Problems()
    {
        if (RefreshInterval <= TimeSpan.Zero) yield return "Hotspots:RefreshInterval must be positive.";
        if (RefreshStatementTimeout < TimeSpan.Zero) yield return "Hotspots:RefreshStatementTimeout must not be negative.";
        if (RecentDays is < 1 or > 90) yield return "Hotspots:RecentDays must be 1 to 90.";
        if (BaselineDays is < 1 or > 365) yield return "Hotspots:BaselineDays must be 1 to 365.";
        if (MinimumRecentHighRisk < 1) yield return "Hotspots:MinimumRecentHighRisk must be at least 1.";
        if (MinimumRateRatio < 1) yield return "Hotspots:MinimumRateRatio must be at least 1.";
        if (FamilyFalseAlarmRate is <= 0 or >= 1) yield return "Hotspots:FamilyFalseAlarmRate must be between 0 and 1.";
        if (CacheDuration <= TimeSpan.Zero) yield return "Hotspots:CacheDuration must be positive.";
        if (CacheSoftTimeout <= TimeSpan.Zero) yield return "Hotspots:CacheSoftTimeout must be positive.";
    }
}
