namespace Admin.Data.Rollups;

/// <summary>
/// What one refresh did. <see cref="Ran"/> is false when another node held the refresh lock. Row counts are rows
/// written (inserted, changed or deleted); an incremental refresh leaves unchanged counts alone.
/// </summary>
public sealed record RollupRefreshResult(
    bool Ran,
    bool FullRebuild,
    DateOnly? RecomputedFrom,
    long DistrictRows,
    long CellRows,
    long MonthToDateRows,
    DateTimeOffset? HighWater,
    TimeSpan Elapsed)
{
    /// <summary>Days before <see cref="RecomputedFrom"/> recounted because rows committed since the last refresh belong to them.</summary>
    public IReadOnlyList<DateOnly> LateDays { get; init; } = [];

    /// <summary>District month rows written.</summary>
    public long DistrictMonthRows { get; init; }

    /// <summary>
    /// The longest any of the refresh's transactions held a transaction id (from its first write to its commit): the
    /// change feed's horizon waits for it.
    /// </summary>
    public TimeSpan WriteElapsed { get; init; }

    public static RollupRefreshResult Skipped(TimeSpan elapsed) => new(false, false, null, 0, 0, 0, null, elapsed);
}
