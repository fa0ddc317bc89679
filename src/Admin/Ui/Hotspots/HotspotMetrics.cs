using System.Globalization;
using Admin.Components.Maps;
using Admin.Data.Hotspots;

namespace Admin.Ui.Hotspots;

/// <summary>How each <see cref="HotspotMetric"/> is read from an area, coloured, labelled and written in the URL.</summary>
public static class HotspotMetrics
{
    /// <summary>Change is drawn from a quarter of the baseline rate (blue) to four times it (red).</summary>
    public const double ChangeScaleMax = 4;

    public static IReadOnlyList<HotspotMetric> All { get; } = Enum.GetValues<HotspotMetric>();

    public static string Code(HotspotMetric metric) => metric switch
    {
        HotspotMetric.HighRiskShare => "share",
        HotspotMetric.ChangeVsBaseline => "change",
        _ => "high",
    };

    public static HotspotMetric Parse(string? code) => Find(code) ?? default;

    /// <summary>The metric of <paramref name="code"/>, or null when no metric has it.</summary>
    public static HotspotMetric? Find(string? code) =>
        All.Where(m => string.Equals(Code(m), code, StringComparison.OrdinalIgnoreCase)).Select(m => (HotspotMetric?)m).FirstOrDefault();

    public static string Label(HotspotMetric metric) => metric switch
    {
        HotspotMetric.HighRiskShare => "High-risk share",
        HotspotMetric.ChangeVsBaseline => "Change vs baseline",
        _ => "High-risk checks",
    };

    /// <summary>The area's value, or null when there is nothing to show (no checks; too few to judge a change).</summary>
    public static double? Value(HotspotMetric metric, AreaTotals totals, HotspotAssessment assessment) => metric switch
    {
        HotspotMetric.HighRiskShare => totals.HighRiskShare,
        HotspotMetric.ChangeVsBaseline => Change(assessment),
        _ => totals.Checks == 0 ? null : totals.HighRisk,
    };

    /// <summary>Rate ratio where the rule judged the area; a rise from nothing counts as off the scale.</summary>
    public static double? Change(HotspotAssessment a) =>
        a.Verdict == HotspotVerdict.TooFew ? null : a.RateRatio ?? double.PositiveInfinity;

    public static ColorScale Scale(HotspotMetric metric, IEnumerable<double?> values, ColorRamp ramp) => metric switch
    {
        HotspotMetric.ChangeVsBaseline => ChangeScale(),
        _ => LinearColorScale.FromZero(values, ramp, v => Format(metric, v)),
    };

    public static ColorScale ChangeScale() => new RatioColorScale(ChangeScaleMax, ColorRamp.BlueWhiteRed, v => Format(HotspotMetric.ChangeVsBaseline, v));

    public static string Format(HotspotMetric metric, double value) => metric switch
    {
        HotspotMetric.HighRiskShare => value.ToString("0.#%", CultureInfo.InvariantCulture),
        HotspotMetric.ChangeVsBaseline => Ratio(value),
        _ => value.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static string Ratio(double? ratio) => ratio switch
    {
        null or double.PositiveInfinity => "new",
        { } r => "×" + r.ToString(r < 10 ? "0.##" : "0", CultureInfo.InvariantCulture),
    };
}
