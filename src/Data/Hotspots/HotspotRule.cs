namespace Admin.Data.Hotspots;

/// <summary>
/// Flags an area when its recent high-risk checks are (1) at least <see cref="HotspotOptions.MinimumRecentHighRisk"/>,
/// (2) at least <see cref="HotspotOptions.MinimumRateRatio"/> times the baseline daily rate, and (3) significantly
/// above it by the exact conditional Poisson test (<see cref="RateComparison"/>) at a Bonferroni-corrected level:
/// <see cref="HotspotOptions.FamilyFalseAlarmRate"/> divided by the number of areas in the layer that were tested.
/// </summary>
public sealed class HotspotRule(HotspotOptions options)
{
    public int RecentDays => options.RecentDays;
    public int BaselineDays => options.BaselineDays;

    /// <summary>
    /// Assesses one layer (all districts, or all cells) together: the correction depends on how many were tested.
    /// <paramref name="riseP"/>, when given, holds each area's <see cref="RiseP"/> computed ahead (the refresh does so
    /// for the presets' cells, so an uncached page runs the exact test for none of its ~1,000 cells at 50M rows).
    /// </summary>
    public IReadOnlyList<HotspotAssessment> Assess(IReadOnlyList<WindowCounts> layer, IReadOnlyList<double>? riseP = null)
    {
        if (riseP is not null && riseP.Count != layer.Count)
            throw new ArgumentException($"{riseP.Count} p-values for {layer.Count} areas.", nameof(riseP));
        var tested = layer.Count(c => c.Recent >= options.MinimumRecentHighRisk);
        var threshold = tested == 0 ? 0 : options.FamilyFalseAlarmRate / tested;
        var result = new HotspotAssessment[layer.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = AssessOne(layer[i], threshold, riseP?[i]);
        return result;
    }

    /// <summary>The one-sided p-value of a rise from the baseline window's daily rate to the recent window's.</summary>
    public double RiseP(WindowCounts c) => RateComparison.RiseP(c.Recent, options.RecentDays, c.Baseline, options.BaselineDays);

    private HotspotAssessment AssessOne(WindowCounts c, double threshold, double? knownP)
    {
        var expected = RateComparison.Expected(c.Baseline, options.RecentDays, options.BaselineDays);
        var ratio = RateComparison.RateRatio(c.Recent, options.RecentDays, c.Baseline, options.BaselineDays);
        if (c.Recent < options.MinimumRecentHighRisk)
            return new(c, expected, ratio, null, null, HotspotVerdict.TooFew);
        var p = knownP ?? RiseP(c);
        var verdict = p > threshold ? HotspotVerdict.NotSignificant
            : ratio is { } r && r < options.MinimumRateRatio ? HotspotVerdict.SmallRise
            : HotspotVerdict.Hotspot;
        return new(c, expected, ratio, p, threshold, verdict);
    }
}
