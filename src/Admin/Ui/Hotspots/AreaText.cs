using System.Globalization;
using Admin.Data.Hotspots;

namespace Admin.Ui.Hotspots;

/// <summary>The hover text of a map item: the numbers behind its colour and its hotspot verdict.</summary>
public static class AreaText
{
    public static string Describe(string name, AreaTotals t, HotspotAssessment a, HotspotWindows w, string? drillNote = null)
    {
        var lines = new List<string>
        {
            name,
            $"{N(t.Checks)} checks, {N(t.HighRisk)} high risk ({(t.HighRiskShare ?? 0).ToString("0.#%", CultureInfo.InvariantCulture)}) in the period",
            $"Last {w.Recent.Days} days ({Day(w.Recent.From)}–{Day(w.Recent.To)}): {N(a.Counts.Recent)} high risk; "
                + $"{a.Expected.ToString("0.#", CultureInfo.InvariantCulture)} expected from the {w.Baseline.Days} days before ({HotspotMetrics.Ratio(a.RateRatio)})",
            Verdict(a),
        };
        if (drillNote is not null) lines.Add(drillNote);
        return string.Join("\n", lines);
    }

    public static string Verdict(HotspotAssessment a) => a.Verdict switch
    {
        HotspotVerdict.Hotspot => $"HOTSPOT (p = {P(a.PValue)} < {P(a.Threshold)})",
        HotspotVerdict.SmallRise => $"significant but below the minimum rise (p = {P(a.PValue)})",
        HotspotVerdict.NotSignificant => $"no significant rise (p = {P(a.PValue)})",
        _ => "too few high-risk checks to judge",
    };

    public static string P(double? p) => p switch
    {
        null => "–",
        < 0.0001 => p.Value.ToString("0.0E+0", CultureInfo.InvariantCulture),
        _ => p.Value.ToString("0.####", CultureInfo.InvariantCulture),
    };

    public static string Day(DateOnly d) => d.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
