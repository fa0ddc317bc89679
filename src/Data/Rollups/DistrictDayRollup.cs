using Admin.Data.Domain;

namespace Admin.Data.Rollups;

/// <summary>HealthChecks counted per rollup day (<see cref="RollupDay"/>), district, risk and source: the district layer and the province trends read this, never the base table.</summary>
public class DistrictDayRollup
{
    public DateOnly Day { get; set; }
    public Province Province { get; set; }
    /// <summary>The district code, or <see cref="RollupKeys.NoDistrict"/> for checks without one (kept so totals still add up).</summary>
    public string DistrictCode { get; set; } = "";
    public Risk Risk { get; set; }
    /// <summary>The channel ("WhatsApp", "USSD", ...): every filter of the records grid is a rollup dimension, so its counts come from here.</summary>
    public string Source { get; set; } = "";
    public int Checks { get; set; }
}
