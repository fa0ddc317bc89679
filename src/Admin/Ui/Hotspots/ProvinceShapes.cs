using Admin.Components.Maps;

namespace Admin.Ui.Hotspots;

/// <summary>South Africa's nine provinces (wwwroot/geo/za-provinces.geojson, embedded), keyed by ISO code such as "ZA-GP".</summary>
public sealed class ProvinceShapes(GeoFeatureCollection features)
{
    public GeoFeatureCollection Features { get; } = features;

    public static ProvinceShapes Load()
    {
        using var stream = typeof(ProvinceShapes).Assembly.GetManifestResourceStream("za-provinces.geojson")
            ?? throw new InvalidOperationException("The embedded za-provinces.geojson is missing from the build.");
        using var reader = new StreamReader(stream);
        return new ProvinceShapes(GeoJsonReader.Parse(reader.ReadToEnd(), "region_code"));
    }
}
