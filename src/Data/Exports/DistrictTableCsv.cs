using System.Globalization;
using System.Text;
using Admin.Data.Domain;
using Admin.Data.Hotspots;
using Admin.Data.Reference;

namespace Admin.Data.Exports;

/// <summary>
/// The managers' aggregate export: the hotspot page's district table for one period, from the rollups. One row per
/// district (all 52, also those not judged), counts only: nothing in it identifies a person.
/// </summary>
public static class DistrictTableCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "district_code", "district", "province", "period_from", "period_to", "checks", "high_risk", "high_risk_share",
        "recent_from", "recent_to", "recent_high_risk", "baseline_high_risk", "expected_recent", "rate_ratio", "p_value", "verdict",
    ];

    public static byte[] Write(HotspotSnapshot snapshot)
    {
        var sb = new StringBuilder(CsvText.Line(Header));
        var (period, recent) = (snapshot.Period, snapshot.Windows.Recent);
        foreach (var d in snapshot.Districts.OrderBy(d => d.Province).ThenBy(d => d.Code, StringComparer.Ordinal))
        {
            var a = d.Assessment;
            sb.Append(CsvText.Line(
            [
                CsvText.Field(d.Code),
                CsvText.Field(Districts.Find(d.Code)?.Name ?? d.Code),
                Codes<Province>.ToCode(d.Province),
                Day(period.From), Day(period.To),
                N(d.Totals.Checks), N(d.Totals.HighRisk), CsvText.Number(d.Totals.HighRiskShare),
                Day(recent.From), Day(recent.To),
                N(a.Counts.Recent), N(a.Counts.Baseline), CsvText.Number(a.Expected), CsvText.Number(a.RateRatio), CsvText.Number(a.PValue, "G6"),
                Verdict(a.Verdict),
            ]));
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Verdict(HotspotVerdict v) => v switch
    {
        HotspotVerdict.Hotspot => "hotspot",
        HotspotVerdict.SmallRise => "small-rise",
        HotspotVerdict.NotSignificant => "not-significant",
        _ => "too-few",
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
