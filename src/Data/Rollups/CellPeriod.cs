namespace Admin.Data.Rollups;

/// <summary>
/// The hotspot map's cells for one period and its two windows, summed ahead from the month-to-date totals by the
/// rollup refresh, for each <see cref="Hotspots.PeriodPreset"/> ending on the newest day: the page then reads one row
/// instead of summing a few boundary days of every cell (at 50M rows ~2,000 cells with checks on every day, ~10,000
/// rows for any period). One row per period, the cells as parallel arrays, so a period is there whole or not at all;
/// any other period, and a preset whose row an edit removed, is summed from the month-to-date totals as before.
/// </summary>
public class CellPeriod
{
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public DateOnly RecentFrom { get; set; }
    public DateOnly BaselineFrom { get; set; }
    public int[] CellRows { get; set; } = [];
    public int[] CellColumns { get; set; } = [];
    /// <summary>Checks in the period.</summary>
    public long[] Checks { get; set; } = [];
    /// <summary>High-risk checks in the period.</summary>
    public long[] HighRisk { get; set; } = [];
    public long[] RecentHigh { get; set; } = [];
    public long[] BaselineHigh { get; set; } = [];
    /// <summary>
    /// Each cell's one-sided p-value of a rise (<see cref="Hotspots.HotspotRule.RiseP"/> of its two windows), computed
    /// by the refresh, so the page runs no exact test for a preset's cells (~1,000 of them for a week at 50M rows).
    /// </summary>
    public double[] RiseP { get; set; } = [];
}
