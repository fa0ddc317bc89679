namespace Admin.Components.Maps;

/// <summary>
/// Plate carrée with longitudes shrunk by cos(centre latitude): shapes look right for a country-sized map, straight
/// lines stay straight (grid cells are rectangles), and the maths is one multiply per axis. Fitted to a bounding box.
/// </summary>
public sealed class EquirectangularProjection : IMapProjection, IEquatable<EquirectangularProjection>
{
    private readonly double _west, _north, _scale, _lonFactor, _offsetX, _offsetY;

    private EquirectangularProjection(double west, double north, double scale, double lonFactor, double offsetX, double offsetY) =>
        (_west, _north, _scale, _lonFactor, _offsetX, _offsetY) = (west, north, scale, lonFactor, offsetX, offsetY);

    /// <summary>Fits <paramref name="bounds"/> into a width x height viewport with <paramref name="padding"/> units on every side, centred.</summary>
    public static EquirectangularProjection Fit(GeoBounds bounds, double width, double height, double padding = 0)
    {
        if (bounds.Width <= 0 || bounds.Height <= 0) throw new ArgumentException("Bounds must have an area.", nameof(bounds));
        var lonFactor = Math.Cos(bounds.Center.Latitude * Math.PI / 180);
        var innerWidth = width - 2 * padding;
        var innerHeight = height - 2 * padding;
        var scale = Math.Min(innerWidth / (bounds.Width * lonFactor), innerHeight / bounds.Height);
        var offsetX = padding + (innerWidth - bounds.Width * lonFactor * scale) / 2;
        var offsetY = padding + (innerHeight - bounds.Height * scale) / 2;
        return new EquirectangularProjection(bounds.West, bounds.North, scale, lonFactor, offsetX, offsetY);
    }

    /// <summary>The viewport height that fits <paramref name="bounds"/> at <paramref name="width"/> without empty bands.</summary>
    public static double HeightFor(GeoBounds bounds, double width, double padding = 0)
    {
        var lonFactor = Math.Cos(bounds.Center.Latitude * Math.PI / 180);
        return (width - 2 * padding) * bounds.Height / (bounds.Width * lonFactor) + 2 * padding;
    }

    public double UnitsPerDegree => _scale;

    public ScreenPoint Project(GeoPoint p) =>
        new(_offsetX + (p.Longitude - _west) * _lonFactor * _scale, _offsetY + (_north - p.Latitude) * _scale);

    // Two fits of the same box and size are the same projection (a map is fitted again on every parameter change): the
    // drawn paths are cached by projection (SvgPath).
    public bool Equals(EquirectangularProjection? other) =>
        other is not null && (_west, _north, _scale, _lonFactor, _offsetX, _offsetY) == (other._west, other._north, other._scale, other._lonFactor, other._offsetX, other._offsetY);

    public override bool Equals(object? obj) => Equals(obj as EquirectangularProjection);

    public override int GetHashCode() => HashCode.Combine(_west, _north, _scale, _lonFactor, _offsetX, _offsetY);
}
