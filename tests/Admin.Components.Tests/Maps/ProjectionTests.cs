using Admin.Components.Maps;

namespace Admin.Components.Tests.Maps;

public class ProjectionTests
{
    private const double Width = 800;

    public static TheoryData<string, double, double> Cities => new()
    {
        { "ZA-GP", -26.2041, 28.0473 },  // Johannesburg
        { "ZA-WC", -33.9249, 18.4241 },  // Cape Town
        { "ZA-KZN", -29.8587, 31.0218 }, // Durban
        { "ZA-LP", -23.9045, 29.4689 },  // Polokwane
        { "ZA-NC", -28.7282, 24.7499 },  // Kimberley
        { "ZA-FS", -29.0852, 26.1596 },  // Bloemfontein
        { "ZA-NW", -25.8560, 25.6403 },  // Mahikeng
        { "ZA-MP", -25.4753, 30.9694 },  // Mbombela
        { "ZA-EC", -33.9608, 25.6022 },  // Gqeberha
    };

    [Theory]
    [MemberData(nameof(Cities))]
    public void A_city_lands_inside_its_province_path_and_no_other(string province, double latitude, double longitude)
    {
        var shapes = ProvinceShapesFile.Load();
        var height = EquirectangularProjection.HeightFor(shapes.Bounds, Width, 8);
        var projection = EquirectangularProjection.Fit(shapes.Bounds, Width, height, 8);
        var city = projection.Project(new GeoPoint(longitude, latitude));

        // Read back the path data the map draws, and test the projected point against it.
        var containing = shapes.Features
            .Where(f => SvgPath.Parse(SvgPath.For(f, projection)).Count(ring => PolygonMath.Contains(ring, city.X, city.Y, p => (p.X, p.Y))) % 2 == 1)
            .Select(f => f.Id)
            .ToList();

        Assert.Equal([province], containing);
    }

    [Fact]
    public void The_fitted_map_fills_the_viewport_with_north_up_and_east_right()
    {
        var bounds = new GeoBounds(16, -35, 33, -22);
        var height = EquirectangularProjection.HeightFor(bounds, Width, 10);
        var projection = EquirectangularProjection.Fit(bounds, Width, height, 10);

        var northWest = projection.Project(new GeoPoint(16, -22));
        var southEast = projection.Project(new GeoPoint(33, -35));

        Assert.Equal(10, northWest.X, 6);
        Assert.Equal(10, northWest.Y, 6);
        Assert.Equal(Width - 10, southEast.X, 6);
        Assert.Equal(height - 10, southEast.Y, 6);
    }

    [Fact]
    public void Longitudes_shrink_by_the_cosine_of_the_centre_latitude()
    {
        // A square degree at 60° looks half as wide as it is tall.
        var bounds = new GeoBounds(0, 59.5, 1, 60.5);
        var projection = EquirectangularProjection.Fit(bounds, 1000, 1000);

        var a = projection.Project(new GeoPoint(0, 60));
        var b = projection.Project(new GeoPoint(1, 60));
        var c = projection.Project(new GeoPoint(0, 59));

        Assert.Equal(0.5, (b.X - a.X) / (c.Y - a.Y), 6);
    }

    [Fact]
    public void A_feature_is_drawn_once_per_projection_and_again_for_another()
    {
        var feature = ProvinceShapesFile.Load().Features[0];
        var bounds = ProvinceShapesFile.Load().Bounds;
        // Every render fits the map again: an equal fit finds the path already drawn.
        var path = SvgPath.For(feature, EquirectangularProjection.Fit(bounds, Width, 600, 8));
        Assert.Same(path, SvgPath.For(feature, EquirectangularProjection.Fit(bounds, Width, 600, 8)));

        var projection = EquirectangularProjection.Fit(bounds, 2 * Width, 1200, 8);
        var wider = SvgPath.For(feature, projection);
        Assert.NotEqual(path, wider);
        var first = projection.Project(feature.Polygons[0].Rings[0][0]);
        Assert.Equal(first.X, SvgPath.Parse(wider)[0][0].X, 0.051);
        Assert.Equal(first.Y, SvgPath.Parse(wider)[0][0].Y, 0.051);
    }
}
