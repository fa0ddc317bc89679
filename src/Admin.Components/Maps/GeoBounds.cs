namespace Admin.Components.Maps;

/// <summary>A longitude/latitude box: the extent a map fits into its viewport, or a grid cell.</summary>
public readonly record struct GeoBounds(double West, double South, double East, double North)
{
    public double Width => East - West;
    public double Height => North - South;
    public GeoPoint Center => new((West + East) / 2, (South + North) / 2);

    public static GeoBounds Of(IEnumerable<GeoPoint> points)
    {
        double w = double.MaxValue, s = double.MaxValue, e = double.MinValue, n = double.MinValue;
        foreach (var p in points)
        {
            w = Math.Min(w, p.Longitude); e = Math.Max(e, p.Longitude);
            s = Math.Min(s, p.Latitude); n = Math.Max(n, p.Latitude);
        }
        if (w > e) throw new ArgumentException("No points to bound.", nameof(points));
        return new(w, s, e, n);
    }

    public bool Contains(GeoPoint p) => p.Longitude >= West && p.Longitude <= East && p.Latitude >= South && p.Latitude <= North;

    public GeoBounds Expand(double degrees) => new(West - degrees, South - degrees, East + degrees, North + degrees);
}
