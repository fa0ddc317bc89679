namespace Admin.Components.Maps;

/// <summary>What <see cref="SvgMap"/> cascades to its layers: the projection and the viewBox size.</summary>
public sealed record MapContext(IMapProjection Projection, double Width, double Height)
{
    /// <summary>
    /// <paramref name="bounds"/> fitted to a viewBox <paramref name="width"/> wide (and by default as high as fits), as
    /// <see cref="SvgMap"/> draws it: a layer served apart from its map is drawn with the same projection.
    /// </summary>
    public static MapContext Fit(GeoBounds bounds, double width, double? height = null, double padding = SvgMap.DefaultPadding)
    {
        var h = height ?? EquirectangularProjection.HeightFor(bounds, width, padding);
        return new MapContext(EquirectangularProjection.Fit(bounds, width, h, padding), width, h);
    }
}
