namespace Admin.Components.Maps;

/// <summary>Values from <see cref="Min"/> to <see cref="Max"/> spread evenly over a ramp: for counts and shares.</summary>
public sealed class LinearColorScale(double min, double max, ColorRamp ramp, Func<double, string> format) : ColorScale
{
    public double Min { get; } = min;
    public double Max { get; } = max;

    public override string ColorFor(double value) => ramp.At(Max > Min ? (value - Min) / (Max - Min) : 1);

    public override IReadOnlyList<LegendStop> Legend(int steps = 5) =>
        Enumerable.Range(0, steps)
            .Select(i => Min + (Max - Min) * i / (steps - 1))
            .Select(v => new LegendStop(ColorFor(v), format(v)))
            .ToList();

    /// <summary>A scale from zero to the largest of <paramref name="values"/> (or 1 when all are zero or missing).</summary>
    public static LinearColorScale FromZero(IEnumerable<double?> values, ColorRamp ramp, Func<double, string> format)
    {
        var max = values.Where(v => v is { } x && !double.IsNaN(x)).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        return new LinearColorScale(0, max > 0 ? max : 1, ramp, format);
    }
}
