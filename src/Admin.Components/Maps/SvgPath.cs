using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Admin.Components.Maps;

/// <summary>SVG path data for features and boxes. One decimal: a tenth of a viewBox unit is finer than any screen pixel.</summary>
public static class SvgPath
{
    // A feature's path per projection, kept beside the feature: every render of every circuit's map built the same
    // shapes again (~4 % of the app's allocations at 500 users). Projections fitted alike are equal, so each map shares
    // one entry; a feature keeps a few (a map per page size), and starts over past that.
    private static readonly ConditionalWeakTable<GeoFeature, ConcurrentDictionary<IMapProjection, string>> Paths = new();
    private const int ProjectionsPerFeature = 16;

    public static string For(GeoFeature feature, IMapProjection projection)
    {
        var paths = Paths.GetValue(feature, _ => new ConcurrentDictionary<IMapProjection, string>());
        if (paths.TryGetValue(projection, out var path)) return path;
        if (paths.Count >= ProjectionsPerFeature) paths.Clear();
        return paths[projection] = Build(feature, projection);
    }

    private static string Build(GeoFeature feature, IMapProjection projection)
    {
        var sb = new StringBuilder();
        foreach (var polygon in feature.Polygons)
            foreach (var ring in polygon.Rings)
                AppendRing(sb, ring, projection);
        return sb.ToString();
    }

    public static string For(GeoBounds box, IMapProjection projection) =>
        Build(new GeoFeature("", [new GeoPolygon([[
            new(box.West, box.North), new(box.East, box.North), new(box.East, box.South), new(box.West, box.South), new(box.West, box.North),
        ]])]), projection);

    /// <summary>Reads path data written by <see cref="For(GeoFeature, IMapProjection)"/> back into rings (M ... L ... Z only).</summary>
    public static IReadOnlyList<IReadOnlyList<ScreenPoint>> Parse(string data)
    {
        var rings = new List<IReadOnlyList<ScreenPoint>>();
        foreach (var part in data.Split('Z', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            rings.Add(part.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(xy => xy.Split(','))
                .Select(xy => new ScreenPoint(double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))
                .ToList());
        return rings;
    }

    private static void AppendRing(StringBuilder sb, IReadOnlyList<GeoPoint> ring, IMapProjection projection)
    {
        for (var i = 0; i < ring.Count; i++)
        {
            // The closing point repeats the first; "Z" closes the ring instead.
            if (i == ring.Count - 1 && i > 0 && ring[i] == ring[0]) break;
            var p = projection.Project(ring[i]);
            sb.Append(i == 0 ? 'M' : 'L').Append(Number(p.X)).Append(',').Append(Number(p.Y));
        }
        sb.Append('Z');
    }

    public static string Number(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
