namespace Admin.Data.Hotspots;

/// <summary>One area's counts: over the selected period, and high-risk checks in the two hotspot windows.</summary>
public readonly record struct AreaTotals(long Checks, long HighRisk, long RecentHighRisk, long BaselineHighRisk)
{
    /// <summary>Share of the period's checks that were high risk (high or critical); null without checks.</summary>
    public double? HighRiskShare => Checks == 0 ? null : HighRisk / (double)Checks;

    public WindowCounts Windows => new(RecentHighRisk, BaselineHighRisk);
}
