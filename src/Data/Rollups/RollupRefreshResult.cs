namespace Admin.Data.Rollups;

/// <summary>What one refresh did. <see cref="Ran"/> is false when another node held the refresh lock.</summary>
public sealed record RollupRefreshResult(
    bool Ran,
    bool FullRebuild,
    DateOnly? RecomputedFrom,
    long DistrictRows,
    long CellRows,
    DateTimeOffset? HighWater,
    TimeSpan Elapsed)
{
    public static RollupRefreshResult Skipped(TimeSpan elapsed) => new(false, false, null, 0, 0, null, elapsed);
}
