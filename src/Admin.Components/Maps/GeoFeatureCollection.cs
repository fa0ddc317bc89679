namespace Admin.Components.Maps;

/// <summary>The areas a choropleth draws, keyed by id, with their combined extent.</summary>
public sealed class GeoFeatureCollection
{
    private readonly Dictionary<string, GeoFeature> _byId;

    public GeoFeatureCollection(IEnumerable<GeoFeature> features)
    {
        Features = features.ToList();
        _byId = Features.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Bounds = Features.Count == 0 ? default : GeoBounds.Of(Features.SelectMany(f => f.Polygons).SelectMany(p => p.Rings[0]));
    }

    public IReadOnlyList<GeoFeature> Features { get; }
    public GeoBounds Bounds { get; }

    public GeoFeature? this[string id] => _byId.GetValueOrDefault(id);

    /// <summary>The feature containing the point, if any (first match).</summary>
    public GeoFeature? FeatureAt(GeoPoint point) => Features.FirstOrDefault(f => f.Bounds.Contains(point) && f.Contains(point));
}
