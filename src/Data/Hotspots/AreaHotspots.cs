using Admin.Data.Domain;
using Admin.Data.Rollups;

namespace Admin.Data.Hotspots;

public sealed record ProvinceHotspot(Province Province, AreaTotals Totals, HotspotAssessment Assessment);

public sealed record DistrictHotspot(string Code, Province Province, AreaTotals Totals, HotspotAssessment Assessment);

/// <summary>A grid cell; its drill-down district is looked up on click (<see cref="HotspotQueries.TopDistrictAsync"/>).</summary>
public sealed record CellHotspot(GridCell Cell, AreaTotals Totals, HotspotAssessment Assessment);

/// <summary>One province's checks on one day.</summary>
public readonly record struct TrendPoint(DateOnly Day, Province Province, long Checks, long HighRisk)
{
    public double? HighRiskShare => Checks == 0 ? null : HighRisk / (double)Checks;
}
