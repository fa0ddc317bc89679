namespace Admin.Components.Maps;

/// <summary>Where a longitude/latitude lands in the map's viewBox.</summary>
public interface IMapProjection
{
    ScreenPoint Project(GeoPoint point);

    /// <summary>Viewport units per degree of latitude near the map's centre: converts a distance on the ground to one on screen.</summary>
    double UnitsPerDegree { get; }
}
