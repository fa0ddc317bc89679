namespace Admin.Ui.Hotspots;

/// <summary>What the province fills and the grid heat show; districts always show change against the baseline.</summary>
public enum HotspotMetric
{
    /// <summary>High-risk checks in the period.</summary>
    HighRiskCount,
    /// <summary>Share of the period's checks that were high risk.</summary>
    HighRiskShare,
    /// <summary>Recent high-risk daily rate over the baseline rate (the hotspot rate ratio).</summary>
    ChangeVsBaseline,
}
