namespace Admin.Components.Maps;

/// <summary>Maps a value to a fill colour, and says how to draw its legend.</summary>
public abstract class ColorScale
{
    /// <summary>Fill for areas with no value.</summary>
    public string NoDataColor { get; init; } = "#e0e0e0";

    public abstract string ColorFor(double value);

    public string ColorFor(double? value) => value is { } v && !double.IsNaN(v) ? ColorFor(v) : NoDataColor;

    /// <summary>Legend swatches from the low end to the high end.</summary>
    public abstract IReadOnlyList<LegendStop> Legend(int steps = 5);
}
