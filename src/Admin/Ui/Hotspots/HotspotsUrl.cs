using System.Globalization;
using Admin.Data.Hotspots;

namespace Admin.Ui.Hotspots;

/// <summary>The hotspot page's own address: the period (a preset, or from/to) and the metric live in the query string, so a view can be shared.</summary>
public static class HotspotsUrl
{
    public const string Path = "/hotspots";

    public static string For(PeriodPreset preset, HotspotMetric metric) =>
        $"{Path}?preset={preset.Code}{MetricPart(metric)}";

    public static string For(HotspotPeriod period, HotspotMetric metric) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}{MetricPart(metric)}");

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// A period asked for by address: both <paramref name="from"/> and <paramref name="to"/>, else a preset, else the
    /// default preset, counted back from <paramref name="last"/>. When the address is wrong, the error says why and
    /// names its parameter.
    /// </summary>
    public static (HotspotPeriod? Period, string? Error, string? Parameter) ParsePeriod(string from, string to, string preset, DateOnly first, DateOnly last)
    {
        if (from.Length > 0 || to.Length > 0)
        {
            if (ParseDay(from) is not { } f || ParseDay(to) is not { } t)
                return (null, "Give both 'from' and 'to' as dates, e.g. from=2021-01-01&to=2021-01-28.", from.Length == 0 ? "from" : "to");
            if (f > t) return (null, "The 'from' date is after the 'to' date.", "from");
            if (t.DayNumber - f.DayNumber > 3660) return (null, "The period can be at most ten years long.", "to");
            return (new HotspotPeriod(f, t), null, null);
        }
        if (preset.Length > 0 && PeriodPreset.Find(preset) is null)
            return (null, $"'{(preset.Length > 20 ? preset[..20] + "…" : preset)}' is not a period. Use one of: {string.Join(", ", PeriodPreset.All.Select(p => p.Code))}.", "preset");
        return ((PeriodPreset.Find(preset) ?? PeriodPreset.Default).Resolve(first, last), null, null);
    }

    private static string MetricPart(HotspotMetric metric) =>
        metric == default ? "" : "&metric=" + HotspotMetrics.Code(metric);
}
