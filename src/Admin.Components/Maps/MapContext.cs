namespace Admin.Components.Maps;

/// <summary>What <see cref="SvgMap"/> cascades to its layers: the projection and the viewBox size.</summary>
public sealed record MapContext(IMapProjection Projection, double Width, double Height);
