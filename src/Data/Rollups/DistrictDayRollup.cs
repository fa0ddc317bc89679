using Admin.Data.Domain;

namespace Admin.Data.Rollups;

/// <summary>HealthChecks counted per UTC day, district and risk: the district layer and the province trends read this, never the base table.</summary>
public class DistrictDayRollup
{
    public DateOnly Day { get; set; }
    public Province Province { get; set; }
    /// <summary>The district code, or <see cref="RollupKeys.NoDistrict"/> for checks without one (kept so totals still add up).</summary>
    public string DistrictCode { get; set; } = "";
    public Risk Risk { get; set; }
    public int Checks { get; set; }
}
