using System.Globalization;
using Admin.Data.Domain;
using Admin.Data.Hotspots;

namespace Admin.Ui.Hotspots;

/// <summary>
/// Drill-down into the records grid (the team's contract): /records/health-checks?province=ZA-GP&amp;district=DC22&amp;risk=high&amp;from=2021-01-01&amp;to=2021-01-31,
/// every parameter optional, from/to inclusive local dates (the display zone's, as the hotspot period's days). Only indexed columns, so the grid answers from an index.
/// </summary>
public static class RecordsLink
{
    public const string Path = "/records/health-checks";

    public static string For(HotspotPeriod period, Province? province = null, string? district = null, Risk? risk = Risk.High)
    {
        var query = new List<string>();
        if (province is { } p) query.Add("province=" + Codes<Province>.ToCode(p));
        if (district is not null) query.Add("district=" + Uri.EscapeDataString(district));
        if (risk is { } r) query.Add("risk=" + Codes<Risk>.ToCode(r));
        query.Add("from=" + period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        query.Add("to=" + period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Path + "?" + string.Join("&", query);
    }
}
