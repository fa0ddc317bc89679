namespace Admin.Data.Hotspots;

public enum HotspotVerdict
{
    /// <summary>Fewer recent high-risk checks than the minimum: not tested at all.</summary>
    TooFew,
    /// <summary>Tested; the rise is within what chance explains, or there is no rise.</summary>
    NotSignificant,
    /// <summary>Significant, but smaller than the minimum rate ratio.</summary>
    SmallRise,
    Hotspot,
}

/// <summary>The numbers behind a hotspot flag, so a manager can see why an area is (or is not) flagged.</summary>
public sealed record HotspotAssessment(
    WindowCounts Counts,
    double Expected,
    double? RateRatio,
    double? PValue,
    double? Threshold,
    HotspotVerdict Verdict)
{
    public bool Flagged => Verdict == HotspotVerdict.Hotspot;

    /// <summary>Recent high-risk checks above what the baseline rate predicts.</summary>
    public double Excess => Counts.Recent - Expected;

    public static readonly HotspotAssessment None = new(default, 0, null, null, null, HotspotVerdict.TooFew);
}
