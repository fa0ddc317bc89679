using Admin.Data.Domain;

namespace Admin.Data.Rollups;

/// <summary>
/// <see cref="DistrictDayRollup"/> summed per month (<see cref="Month"/> is its first day): a count over a long range
/// reads a month row per key instead of 30 day rows. Rewritten for every month a refresh recounts a day of.
/// </summary>
public class DistrictMonthRollup
{
    public DateOnly Month { get; set; }
    public Province Province { get; set; }
    public string DistrictCode { get; set; } = "";
    public Risk Risk { get; set; }
    public string Source { get; set; } = "";
    public long Checks { get; set; }
}
