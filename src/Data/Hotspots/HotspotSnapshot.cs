namespace Admin.Data.Hotspots;

/// <summary>Everything the hotspot page shows for one period, computed in one round trip.</summary>
public sealed record HotspotSnapshot(
    HotspotPeriod Period,
    HotspotWindows Windows,
    IReadOnlyList<ProvinceHotspot> Provinces,
    IReadOnlyList<DistrictHotspot> Districts,
    IReadOnlyList<CellHotspot> Cells,
    IReadOnlyList<TrendPoint> Trend,
    DateTimeOffset? RollupsRefreshedAt,
    DateTimeOffset ComputedAt);
