namespace Admin.Data.Rollups;

/// <summary>
/// A grid cell's checks from its first day up to and including <see cref="Day"/>, one row per cell per day (dense).
/// Any period's total is two lookups (total at its last day minus total the day before it starts), so the heat layer
/// and the cell hotspot windows cost four index lookups per cell whatever the period's length. Derived from
/// <see cref="CellDayRollup"/> in the same refresh.
/// </summary>
public class CellRunningTotal
{
    public DateOnly Day { get; set; }
    public int CellRow { get; set; }
    public int CellColumn { get; set; }
    public long ChecksToDate { get; set; }
    /// <summary>High or critical.</summary>
    public long HighRiskToDate { get; set; }
}
