namespace Admin.Components.Maps;

/// <summary>A swatch and its label in a legend.</summary>
public readonly record struct LegendStop(string Color, string Label);
