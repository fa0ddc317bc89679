using Admin.Data.Domain;

namespace Admin.Data.Rollups;

/// <summary>
/// <see cref="DistrictDayRollup"/> summed per day and district over risk and source, with the high-risk (high or
/// critical) part: the hotspot page's area totals read about 50 rows a day here instead of the ~500 district, risk and
/// source rows of a day (at 50M rows every combination occurs, so those grow with the data until the dimensions are
/// full; these never do). Written in the same transaction as the district days it sums, like <see cref="ProvinceDayRollup"/>.
/// </summary>
public class DistrictDayTotal
{
    public DateOnly Day { get; set; }
    public Province Province { get; set; }
    /// <summary>The district code, or <see cref="RollupKeys.NoDistrict"/>.</summary>
    public string DistrictCode { get; set; } = "";
    public int Checks { get; set; }
    /// <summary>High or critical.</summary>
    public int HighRisk { get; set; }
}
