using System.Globalization;
using Admin.Components.Rendering;

namespace Admin.Components.Maps;

/// <summary>
/// How a heat layer draws its items: each one's longitude/latitude box, value and colour, and optionally its key,
/// tooltip and opacity. Declared once by the page, it draws the cells in a circuit (<see cref="CellLayer{TItem}"/>) and,
/// for a layer nobody clicks, as one markup string (<see cref="Markup"/>) that a server can also send by address.
/// </summary>
public sealed record CellDrawing<TItem>(Func<TItem, GeoBounds> Bounds, Func<TItem, double?> Value, ColorScale Scale)
{
    public Func<TItem, string>? Key { get; init; }
    public Func<TItem, string>? Tooltip { get; init; }
    /// <summary>Per-cell opacity (0..1), e.g. rising with the value so quiet cells let the layer below show through.</summary>
    public Func<TItem, double>? FillOpacity { get; init; }
    /// <summary>Leave out cells whose value is null (rather than drawing them in the no-data colour).</summary>
    public bool SkipEmpty { get; init; } = true;

    /// <summary>The cells as SVG markup: one rectangle each, with its tooltip as a title.</summary>
    public string Markup(IEnumerable<TItem> items, IMapProjection projection)
    {
        var w = new MarkupWriter();
        foreach (var item in items)
        {
            var value = Value(item);
            if (value is null && SkipEmpty) continue;
            var (nw, se) = Corners(item, projection);
            w.Open("rect").Attr("class", "svg-map__item").Attr("x", SvgPath.Number(nw.X)).Attr("y", SvgPath.Number(nw.Y))
                .Attr("width", SvgPath.Number(se.X - nw.X)).Attr("height", SvgPath.Number(se.Y - nw.Y))
                .Attr("fill", Scale.ColorFor(value)).Attr("fill-opacity", Opacity(item))
                .Attr("data-key", Key?.Invoke(item)).Attr("data-value", value?.ToString("R", CultureInfo.InvariantCulture)).EndTag()
                .Title(Tooltip?.Invoke(item)).Close("rect");
        }
        return w.ToString();
    }

    /// <summary>The cell's north-west and south-east corners on the map.</summary>
    public (ScreenPoint NorthWest, ScreenPoint SouthEast) Corners(TItem item, IMapProjection projection)
    {
        var box = Bounds(item);
        return (projection.Project(new GeoPoint(box.West, box.North)), projection.Project(new GeoPoint(box.East, box.South)));
    }

    public string Opacity(TItem item) => Math.Clamp(FillOpacity?.Invoke(item) ?? 1, 0, 1).ToString("0.##", CultureInfo.InvariantCulture);
}
