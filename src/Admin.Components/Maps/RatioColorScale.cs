namespace Admin.Components.Maps;

/// <summary>
/// Ratios on a log scale centred on 1: halving and doubling are equally far from "no change", and everything beyond
/// <see cref="MaxRatio"/> (or below its inverse) takes the end colour.
/// </summary>
public sealed class RatioColorScale(double maxRatio, ColorRamp ramp, Func<double, string> format) : ColorScale
{
    public double MaxRatio { get; } = maxRatio > 1 ? maxRatio : throw new ArgumentOutOfRangeException(nameof(maxRatio), "Must be above 1.");

    public override string ColorFor(double value) =>
        ramp.At(value <= 0 ? 0 : 0.5 + Math.Log(value) / (2 * Math.Log(MaxRatio)));

    public override IReadOnlyList<LegendStop> Legend(int steps = 5) =>
        Enumerable.Range(0, steps)
            .Select(i => Math.Pow(MaxRatio, -1 + 2.0 * i / (steps - 1)))
            .Select(v => new LegendStop(ColorFor(v), format(v)))
            .ToList();
}
