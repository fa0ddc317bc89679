using System.Text.Json;

namespace Admin.Components.Maps;

/// <summary>
/// Reads a GeoJSON FeatureCollection's Polygon and MultiPolygon features (other geometries are skipped: a
/// choropleth only fills areas). Each feature's id comes from the named property, or the feature's "id".
/// </summary>
public static class GeoJsonReader
{
    public static GeoFeatureCollection Parse(string json, string idProperty)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement, idProperty);
    }

    public static async Task<GeoFeatureCollection> ReadAsync(Stream stream, string idProperty, CancellationToken ct = default)
    {
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return Read(doc.RootElement, idProperty);
    }

    private static GeoFeatureCollection Read(JsonElement root, string idProperty)
    {
        if (root.GetProperty("type").GetString() != "FeatureCollection")
            throw new FormatException("Expected a GeoJSON FeatureCollection.");
        var features = new List<GeoFeature>();
        foreach (var feature in root.GetProperty("features").EnumerateArray())
        {
            if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object) continue;
            var polygons = geometry.GetProperty("type").GetString() switch
            {
                "Polygon" => [Polygon(geometry.GetProperty("coordinates"))],
                "MultiPolygon" => geometry.GetProperty("coordinates").EnumerateArray().Select(Polygon).ToList(),
                _ => null,
            };
            if (polygons is null) continue;
            features.Add(new GeoFeature(Id(feature, idProperty), polygons));
        }
        return new GeoFeatureCollection(features);
    }

    private static string Id(JsonElement feature, string idProperty)
    {
        if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            && props.TryGetProperty(idProperty, out var value) && value.ValueKind == JsonValueKind.String)
            return value.GetString()!;
        if (feature.TryGetProperty("id", out var id))
            return id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
        throw new FormatException($"A feature has neither a '{idProperty}' property nor an id.");
    }

    private static GeoPolygon Polygon(JsonElement rings) =>
        new(rings.EnumerateArray()
            .Select(ring => (IReadOnlyList<GeoPoint>)ring.EnumerateArray()
                .Select(p => new GeoPoint(p[0].GetDouble(), p[1].GetDouble()))
                .ToList())
            .ToList());
}
