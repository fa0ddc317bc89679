namespace Admin.Data.Hotspots;

/// <summary>The recent window ends on the period's last day; the baseline is the days just before it.</summary>
public readonly record struct HotspotWindows(HotspotPeriod Recent, HotspotPeriod Baseline)
{
    public static HotspotWindows EndingOn(DateOnly to, int recentDays, int baselineDays)
    {
        var recent = HotspotPeriod.Ending(to, recentDays);
        return new(recent, HotspotPeriod.Ending(recent.From.AddDays(-1), baselineDays));
    }
}
