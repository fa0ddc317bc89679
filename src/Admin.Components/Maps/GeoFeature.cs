namespace Admin.Components.Maps;

/// <summary>One polygon: the outer ring first, then any holes. Rings are closed (first point = last point).</summary>
public sealed record GeoPolygon(IReadOnlyList<IReadOnlyList<GeoPoint>> Rings);

/// <summary>A named area of a map (a province, a county, ...): one or more polygons.</summary>
public sealed record GeoFeature(string Id, IReadOnlyList<GeoPolygon> Polygons)
{
    public GeoBounds Bounds => GeoBounds.Of(Polygons.SelectMany(p => p.Rings[0]));

    /// <summary>Even-odd test over every ring, so holes are outside.</summary>
    public bool Contains(GeoPoint point) =>
        Polygons.Any(p => p.Rings.Count(r => PolygonMath.Contains(r, point.Longitude, point.Latitude, q => (q.Longitude, q.Latitude))) % 2 == 1);
}
