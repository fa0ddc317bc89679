using Admin.Components.Maps;

namespace Admin.Components.Tests.Maps;

/// <summary>The committed wwwroot/geo/za-provinces.geojson, copied next to the tests.</summary>
internal static class ProvinceShapesFile
{
    public static readonly string[] Codes = ["ZA-EC", "ZA-FS", "ZA-GP", "ZA-KZN", "ZA-LP", "ZA-MP", "ZA-NC", "ZA-NW", "ZA-WC"];

    public static GeoFeatureCollection Load() =>
        GeoJsonReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Maps", "za-provinces.geojson")), "region_code");
}
