namespace Admin.Components.Maps;

/// <summary>Point-in-ring by ray casting; works the same on longitude/latitude and on projected screen points.</summary>
public static class PolygonMath
{
    public static bool Contains<T>(IReadOnlyList<T> ring, double x, double y, Func<T, (double X, double Y)> coordinates)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = coordinates(ring[i]);
            var (xj, yj) = coordinates(ring[j]);
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                inside = !inside;
        }
        return inside;
    }
}
