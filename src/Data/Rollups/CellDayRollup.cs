using Admin.Data.Domain;

namespace Admin.Data.Rollups;

/// <summary>
/// HealthChecks with a shared location counted per local day (<see cref="RollupDay"/>), grid cell and risk. The district stays in the key so a
/// cell can drill to the district holding most of its checks (the records grid filters on indexed columns only).
/// </summary>
public class CellDayRollup
{
    public DateOnly Day { get; set; }
    /// <summary>floor(latitude / cell size): see <see cref="GridCell"/>.</summary>
    public int CellRow { get; set; }
    /// <summary>floor(longitude / cell size).</summary>
    public int CellColumn { get; set; }
    public Province Province { get; set; }
    public string DistrictCode { get; set; } = "";
    public Risk Risk { get; set; }
    public int Checks { get; set; }
}
