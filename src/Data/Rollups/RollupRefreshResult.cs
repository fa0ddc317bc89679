namespace Admin.Data.Rollups;

/// <summary>
/// What one refresh did. <see cref="Ran"/> is false when another node held the refresh lock. Row counts are rows
/// written (inserted, changed or deleted); an incremental refresh leaves unchanged counts alone.
/// </summary>
public sealed record RollupRefreshResult(
    bool Ran,
    bool FullRebuild,
    long DistrictRows,
    long CellRows,
    long MonthToDateRows,
    DateTimeOffset? HighWater,
    TimeSpan Elapsed)
{
    /// <summary>
    /// The days an incremental refresh recounted, in order: those rows were written to or left since the last refresh.
    /// Empty when nothing changed (nothing was counted) and after a rebuild (every day was).
    /// </summary>
    public IReadOnlyList<DateOnly> Days { get; init; } = [];

    /// <summary>District month rows written.</summary>
    public long DistrictMonthRows { get; init; }

    /// <summary>Day-total rows written (the hotspot trend's province days and the areas' district totals).</summary>
    public long DayTotalRows { get; init; }

    /// <summary>Preset periods whose map cells were summed ahead (not counted in <see cref="RowsWritten"/>: they change no sum).</summary>
    public int CellPeriods { get; init; }

    /// <summary>Rows written to every rollup: zero when the refresh found nothing to change.</summary>
    public long RowsWritten => DistrictRows + DistrictMonthRows + DayTotalRows + CellRows + MonthToDateRows;

    /// <summary>
    /// The longest any of the refresh's transactions held a transaction id (from its first write to its commit): the
    /// change feed's horizon waits for it.
    /// </summary>
    public TimeSpan WriteElapsed { get; init; }

    public static RollupRefreshResult Skipped(TimeSpan elapsed) => new(false, false, 0, 0, 0, null, elapsed);
}
