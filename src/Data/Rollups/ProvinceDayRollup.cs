using Admin.Data.Domain;

namespace Admin.Data.Rollups;

/// <summary>
/// <see cref="DistrictDayRollup"/> summed per day and province, with the high-risk (high or critical) part: the hotspot
/// page's province trend reads nine rows a day here instead of the ~500 district, risk and source rows of a day, so a
/// year's trend costs the same whatever the number of checks. Written in the same transaction as the district days it
/// sums (by the refresh, and by edits), so the two always agree.
/// </summary>
public class ProvinceDayRollup
{
    public DateOnly Day { get; set; }
    public Province Province { get; set; }
    public int Checks { get; set; }
    /// <summary>High or critical.</summary>
    public int HighRisk { get; set; }
}
