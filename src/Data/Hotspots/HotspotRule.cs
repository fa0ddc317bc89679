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

    /// <summary>Assesses one layer (all districts, or all cells) together: the correction depends on how many were tested.</summary>
    public IReadOnlyList<HotspotAssessment> Assess(IReadOnlyList<WindowCounts> layer)
    {
        var tested = layer.Count(c => c.Recent >= options.MinimumRecentHighRisk);
        var threshold = tested == 0 ? 0 : options.FamilyFalseAlarmRate / tested;
        return layer.Select(c => AssessOne(c, threshold)).ToList();
    }

    private HotspotAssessment AssessOne(WindowCounts c, double threshold)
    {
        var expected = RateComparison.Expected(c.Baseline, options.RecentDays, options.BaselineDays);
        var ratio = RateComparison.RateRatio(c.Recent, options.RecentDays, c.Baseline, options.BaselineDays);
        if (c.Recent < options.MinimumRecentHighRisk)
            return new(c, expected, ratio, null, null, HotspotVerdict.TooFew);
        var p = RateComparison.RiseP(c.Recent, options.RecentDays, c.Baseline, options.BaselineDays);
        var verdict = p > threshold ? HotspotVerdict.NotSignificant
            : ratio is { } r && r < options.MinimumRateRatio ? HotspotVerdict.SmallRise
            : HotspotVerdict.Hotspot;
        return new(c, expected, ratio, p, threshold, verdict);
    }
}
