namespace Admin.Data.Rollups;

/// <summary>
/// A grid cell's checks from the first of <see cref="Day"/>'s month up to and including <see cref="Day"/>. Dense within
/// a month: a cell with checks in a month has a row for every day from its first check that month to the month's last
/// day (or to the newest day in the table, for the newest month). A period's total is then the month totals (each month's
/// last row) between its ends plus two month-to-date lookups, so the page costs a few lookups per cell per month shown,
/// and a late check rewrites at most the rest of its own month: no refresh or edit depends on the span of the data.
/// Derived from <see cref="CellDayRollup"/> in the same refresh.
/// </summary>
public class CellMonthToDate
{
    public DateOnly Day { get; set; }
    public int CellRow { get; set; }
    public int CellColumn { get; set; }
    public long Checks { get; set; }
    /// <summary>High or critical.</summary>
    public long HighRisk { get; set; }
}
