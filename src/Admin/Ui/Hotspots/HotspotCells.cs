using System.Globalization;
using Admin.Components.Maps;
using Admin.Components.Rendering;
using Admin.Data.Hotspots;

namespace Admin.Ui.Hotspots;

/// <summary>
/// The hotspot map's grid cells, declared once: how they are drawn (in a circuit, for roles whose cells drill into
/// records), and for roles whose cells nobody clicks, the address the browser fetches them from
/// (<see cref="HotspotCellsEndpoint"/>) and the markup it answers with. A period's cells are a few hundred KB of
/// markup; sent by address, a manager's circuit holds and sends a line, and the browser keeps the markup by address.
/// </summary>
public static class HotspotCells
{
    public const string Path = "/hotspots/cells";

    /// <summary>The map's viewBox width (HotspotMap's SvgMap), which the cells' coordinates depend on.</summary>
    public const double MapWidth = 800;

    public static GeoBounds MapBounds(ProvinceShapes shapes) => shapes.Features.Bounds.Expand(0.2);

    public static CellDrawing<CellHotspot> Drawing(HotspotSnapshot snapshot, HotspotMetric metric, bool linkRecords)
    {
        var max = snapshot.Cells.Select(c => HotspotMetrics.Value(metric, c.Totals, c.Assessment) ?? 0).DefaultIfEmpty(0).Max() is > 0 and var m ? m : 1;
        var drill = linkRecords ? "Click: high-risk records of the district with most of this cell's checks" : null;
        return new CellDrawing<CellHotspot>(
            c => new GeoBounds(c.Cell.West, c.Cell.South, c.Cell.East, c.Cell.North),
            c => HotspotMetrics.Value(metric, c.Totals, c.Assessment),
            HotspotMetrics.Scale(metric, snapshot.Cells.Select(c => HotspotMetrics.Value(metric, c.Totals, c.Assessment)), ColorRamp.Purples))
        {
            Key = c => $"{c.Cell.Row},{c.Cell.Column}",
            Tooltip = c => AreaText.Describe($"Grid cell {c.Cell}", c.Totals, c.Assessment, snapshot.Windows, drill),
            // Heat: quiet cells are nearly transparent so the province fill shows; busy ones are solid. Change is always solid.
            FillOpacity = metric == HotspotMetric.ChangeVsBaseline
                ? _ => 0.8
                : c => 0.12 + 0.78 * ((HotspotMetrics.Value(metric, c.Totals, c.Assessment) ?? 0) / max),
        };
    }

    /// <summary>
    /// The address of a period's cells nobody clicks, drawn by <paramref name="metric"/>. It names the snapshot
    /// (<see cref="HotspotSnapshot.ComputedAt"/>), so a browser may keep what it fetched for as long as it likes.
    /// </summary>
    public static string Url(HotspotSnapshot snapshot, HotspotMetric metric) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Path}?from={snapshot.Period.From:yyyy-MM-dd}&to={snapshot.Period.To:yyyy-MM-dd}&metric={HotspotMetrics.Code(metric)}&v={Version(snapshot)}");

    public static string Version(HotspotSnapshot snapshot) =>
        snapshot.ComputedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The cells nobody clicks as markup, built once per snapshot and metric (and shared with any circuit drawing them).</summary>
    public static string Markup(HotspotSnapshot snapshot, HotspotMetric metric, ProvinceShapes shapes) =>
        SharedMarkup.Get(snapshot.Cells, Variant(metric, linkRecords: false),
            () => Drawing(snapshot, metric, linkRecords: false).Markup(snapshot.Cells, MapContext.Fit(MapBounds(shapes), MapWidth).Projection));

    /// <summary>What besides the snapshot the markup depends on.</summary>
    public static string Variant(HotspotMetric metric, bool linkRecords) => $"{metric}|{MapWidth}|{linkRecords}";
}
