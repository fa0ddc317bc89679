using Admin.Data.Domain;
using Admin.Data.Hotspots;
using Admin.Data.Reference;
using Admin.Data.Rollups;

namespace Admin.Tests.Hotspots;

/// <summary>Hand-made hotspot snapshots for rendering tests: only the numbers a test names, zeros elsewhere.</summary>
internal sealed class SnapshotBuilder
{
    public static readonly HotspotPeriod Period = new(new DateOnly(2021, 1, 4), new DateOnly(2021, 1, 31));
    private readonly HotspotRule _rule = new(new HotspotOptions());
    private readonly Dictionary<Province, AreaTotals> _provinces = [];
    private readonly Dictionary<string, AreaTotals> _districts = [];
    private readonly List<(GridCell Cell, AreaTotals Totals)> _cells = [];

    public SnapshotBuilder Province(Province p, long checks, long highRisk, long recent = 0, long baseline = 0)
    {
        _provinces[p] = new AreaTotals(checks, highRisk, recent, baseline);
        return this;
    }

    public SnapshotBuilder District(string code, long checks, long highRisk, long recent, long baseline)
    {
        _districts[code] = new AreaTotals(checks, highRisk, recent, baseline);
        return this;
    }

    public SnapshotBuilder Cell(double latitude, double longitude, long checks, long highRisk)
    {
        _cells.Add((GridCell.Of(latitude, longitude), new AreaTotals(checks, highRisk, 0, 0)));
        return this;
    }

    public HotspotSnapshot Build()
    {
        var provinces = Codes<Province>.All.Select(p => (p, _provinces.GetValueOrDefault(p))).ToList();
        var pa = _rule.Assess(provinces.Select(p => p.Item2.Windows).ToList());
        var districts = Districts.All.Select(d => (d, _districts.GetValueOrDefault(d.Code))).ToList();
        var da = _rule.Assess(districts.Select(d => d.Item2.Windows).ToList());
        var ca = _rule.Assess(_cells.Select(c => c.Totals.Windows).ToList());
        return new HotspotSnapshot(
            Period,
            HotspotWindows.EndingOn(Period.To, 7, 28),
            provinces.Select((p, i) => new ProvinceHotspot(p.p, p.Item2, pa[i])).ToList(),
            districts.Select((d, i) => new DistrictHotspot(d.d.Code, d.d.Province, d.Item2, da[i])).ToList(),
            _cells.Select((c, i) => new CellHotspot(c.Cell, c.Totals, ca[i])).ToList(),
            [],
            null,
            DateTimeOffset.UnixEpoch);
    }
}
