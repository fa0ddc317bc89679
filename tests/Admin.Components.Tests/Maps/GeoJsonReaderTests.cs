using Admin.Components.Maps;

namespace Admin.Components.Tests.Maps;

public class GeoJsonReaderTests
{
    [Fact]
    public void The_committed_file_has_the_nine_provinces_by_current_code()
    {
        var shapes = ProvinceShapesFile.Load();

        Assert.Equal(ProvinceShapesFile.Codes, shapes.Features.Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_committed_file_is_the_mainland_only()
    {
        var shapes = ProvinceShapesFile.Load();

        // Prince Edward Islands (about 46.9°S) were dropped; the mainland reaches about 34.8°S.
        Assert.InRange(shapes.Bounds.South, -35.5, -34.0);
        Assert.InRange(shapes.Bounds.North, -22.5, -21.5);
        Assert.InRange(shapes.Bounds.West, 16.0, 17.0);
        Assert.InRange(shapes.Bounds.East, 32.5, 33.5);
    }

    [Fact]
    public void Reads_polygons_multipolygons_and_holes_and_skips_other_geometry()
    {
        const string json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[
                [[0,0],[10,0],[10,10],[0,10],[0,0]], [[4,4],[6,4],[6,6],[4,6],[4,4]]]}},
              {"type":"Feature","id":"B","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[
                [[[20,0],[21,0],[21,1],[20,0]]], [[[30,0],[31,0],[31,1],[30,0]]]]}},
              {"type":"Feature","properties":{"code":"P"},"geometry":{"type":"Point","coordinates":[1,1]}}
            ]}
            """;

        var shapes = GeoJsonReader.Parse(json, "code");

        Assert.Equal(["A", "B"], shapes.Features.Select(f => f.Id));
        var a = shapes["A"]!;
        Assert.True(a.Contains(new GeoPoint(2, 2)));
        Assert.False(a.Contains(new GeoPoint(5, 5))); // in the hole
        Assert.Equal(2, shapes["B"]!.Polygons.Count);
    }

    [Fact]
    public void Rejects_what_is_not_a_feature_collection() =>
        Assert.Throws<FormatException>(() => GeoJsonReader.Parse("""{"type":"Feature","geometry":null}""", "code"));
}
