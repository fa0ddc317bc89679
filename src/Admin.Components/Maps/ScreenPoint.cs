namespace Admin.Components.Maps;

/// <summary>A position in the SVG's viewBox (x right, y down).</summary>
public readonly record struct ScreenPoint(double X, double Y);
