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

    private static string MetricPart(HotspotMetric metric) =>
        metric == default ? "" : "&metric=" + HotspotMetrics.Code(metric);
}
