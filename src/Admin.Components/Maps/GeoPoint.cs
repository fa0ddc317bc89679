namespace Admin.Components.Maps;

/// <summary>A WGS84 position, longitude first as in GeoJSON.</summary>
public readonly record struct GeoPoint(double Longitude, double Latitude);
