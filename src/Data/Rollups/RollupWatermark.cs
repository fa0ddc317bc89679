namespace Admin.Data.Rollups;

/// <summary>How far the rollups have counted: the next incremental refresh recounts the days changed since <see cref="XidSnapshot"/>.</summary>
public class RollupWatermark
{
    /// <summary>One row per rollup family; today only <see cref="RollupKeys.HealthChecks"/>.</summary>
    public string Name { get; set; } = "";
    /// <summary>The newest HealthCheck timestamp the last refresh saw (null: the table was empty).</summary>
    public DateTimeOffset? HighWater { get; set; }
    /// <summary>First day the last refresh recomputed; null when it recomputed every day, or none (nothing had changed).</summary>
    public DateOnly? RecomputedFrom { get; set; }
    /// <summary>
    /// The oldest transaction still running when the last refresh took its snapshot (<c>pg_snapshot_xmin</c>): every
    /// row that refresh could not see has a <c>change_xid</c> at or after it, so the next refresh finds the days of
    /// rows written since, however old, from the change-feed index. Null before the first refresh that recorded it.
    /// </summary>
    public ulong? XidHorizon { get; set; }
    /// <summary>
    /// The last refresh's whole snapshot (<c>pg_current_snapshot()</c>, as text): a row is in the rollups exactly when the
    /// transaction that created it is visible in it, so an exact count adds the rows whose <c>created_xid</c> is not,
    /// and the next refresh recounts the days of rows whose <c>change_xid</c> is not.
    /// </summary>
    public string? XidSnapshot { get; set; }
    /// <summary>
    /// The display time zone (IANA id) whose days the rollups count by. A refresh under another zone rebuilds them;
    /// readers that bound ranges by local days (exact counts, the timeline, edits) ignore rollups of another zone.
    /// Rows from before the setting existed were built with UTC days.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>
    /// Months whose district and month-to-date rollups still have to be summed again from days already written. Each
    /// month is written in its own short transaction after the days (so no transaction holds an id for long), and
    /// leaves this list as it commits; a refresh interrupted between them finishes these first.
    /// </summary>
    public DateOnly[] MonthsPending { get; set; } = [];
    public DateTimeOffset RefreshedAt { get; set; }
    public DateTimeOffset? RebuiltAt { get; set; }
}
