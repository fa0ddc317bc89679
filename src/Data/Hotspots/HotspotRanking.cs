using System.Runtime.CompilerServices;
using Admin.Data.Domain;
using Admin.Data.Reference;
using Admin.Data.Rollups;

namespace Admin.Data.Hotspots;

public enum HotspotLayer { Districts, Cells }

/// <summary>One row of the ranked hotspot list: a district (<see cref="DistrictCode"/>) or a grid cell (<see cref="Cell"/>).</summary>
public sealed record RankedHotspot(
    HotspotLayer Layer,
    string Label,
    string? DistrictCode,
    Province? Province,
    GridCell? Cell,
    AreaTotals Totals,
    HotspotAssessment Assessment);

public static class HotspotRanking
{
    /// <summary>Flagged areas first, biggest excess of high-risk checks first; then the other tested areas, most nearly significant first.</summary>
    public static IReadOnlyList<RankedHotspot> Rank(HotspotSnapshot snapshot, HotspotLayer layer = HotspotLayer.Districts) =>
        Ranked.GetValue(snapshot, _ => new IReadOnlyList<RankedHotspot>?[2])[(int)layer] ??= RankNow(snapshot, layer);

    // A snapshot is shared by every circuit showing its period, and each rendered the same ranking again (a new row and
    // label per area, ~2 % of the app's allocations at 500 users): it is ranked once per layer, kept as long as the snapshot.
    private static readonly ConditionalWeakTable<HotspotSnapshot, IReadOnlyList<RankedHotspot>?[]> Ranked = new();

    private static IReadOnlyList<RankedHotspot> RankNow(HotspotSnapshot snapshot, HotspotLayer layer)
    {
        var rows = layer == HotspotLayer.Districts
            ? snapshot.Districts.Select(d => new RankedHotspot(layer, DistrictName(d.Code), d.Code, d.Province, null, d.Totals, d.Assessment))
            : snapshot.Cells.Select(c => new RankedHotspot(layer, $"Cell {c.Cell}", null, null, c.Cell, c.Totals, c.Assessment));
        return rows
            .Where(r => r.Assessment.Verdict != HotspotVerdict.TooFew)
            .OrderByDescending(r => r.Assessment.Flagged)
            .ThenByDescending(r => r.Assessment.Flagged ? r.Assessment.Excess : 0)
            .ThenBy(r => r.Assessment.PValue ?? 1)
            .ToArray();
    }

    public static string DistrictName(string code) => Districts.Find(code)?.Name ?? code;

}
