using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Admin.Components.Charts;

/// <summary>How a <see cref="TimeChartSvg"/> labels its axes and points.</summary>
/// <param name="Label">What the line shows, for screen readers.</param>
/// <param name="ValueFormat">The values' format on the axis and in the point titles (e.g. "N0").</param>
/// <param name="TimeFormat">The time axis labels' format (e.g. "d MMM").</param>
/// <param name="PointTimeFormat">The points' time in their titles (e.g. "yyyy-MM-dd").</param>
/// <param name="LabelSpacing">Time between two labels of the time axis.</param>
/// <param name="MaxValueTicks">At most this many values marked on the value axis.</param>
public sealed record TimeChartOptions(
    string Label,
    string ValueFormat = "N0",
    string TimeFormat = "d MMM",
    string PointTimeFormat = "yyyy-MM-dd",
    TimeSpan? LabelSpacing = null,
    int MaxValueTicks = 6);

/// <summary>
/// A line of values over time as one piece of SVG markup: axes, grid lines, the line, and per point a hover target whose
/// title gives its time and value. One markup frame instead of a component tree with a frame per point and label, and no
/// script (a chart that measures its labels in the browser costs a round trip per label on every render); the caller can
/// share the markup between circuits that show the same data. Zero at the bottom, so counts and shares compare honestly.
/// </summary>
public static class TimeChartSvg
{
    private const double Width = 640, Height = 240, Left = 56, Right = 12, Top = 10, Bottom = 26;
    private const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    public static MarkupString Render(IReadOnlyList<(DateTime Time, double Value)> points, TimeChartOptions options)
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder(256 + 96 * points.Count);
        var label = WebUtility.HtmlEncode(options.Label);
        s.Append(c, $"""<svg class="time-chart" viewBox="0 0 {Width} {Height}" width="100%" role="img" aria-label="{label}" data-testid="time-chart"><title>{label}</title>""");
        var ticks = ValueTicks(points.Count == 0 ? 0 : points.Max(p => p.Value), options.MaxValueTicks);
        var top = ticks[^1];
        foreach (var tick in ticks)
        {
            var y = Y(tick, top);
            s.Append(c, $"""<line x1="{Left}" x2="{Width - Right}" y1="{y:0.#}" y2="{y:0.#}" stroke="var(--mud-palette-lines-default)" stroke-width="1"/>""");
            s.Append(c, $"""<text x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end" font-size="11" fill="var(--mud-palette-text-secondary)">{WebUtility.HtmlEncode(tick.ToString(options.ValueFormat, c))}</text>""");
        }
        if (points.Count > 0)
        {
            var (first, last) = (points[0].Time, points[^1].Time);
            var span = (last - first).TotalSeconds;
            double X(DateTime t) => span <= 0 ? Left + PlotWidth / 2 : Left + (t - first).TotalSeconds / span * PlotWidth;
            var spacing = options.LabelSpacing is { Ticks: > 0 } given ? given : TimeSpan.FromTicks(Math.Max(1, (last - first).Ticks / 6));
            for (var t = first; t <= last; t += spacing)
                s.Append(c, $"""<text x="{X(t):0.#}" y="{Height - 8}" text-anchor="middle" font-size="11" fill="var(--mud-palette-text-secondary)">{WebUtility.HtmlEncode(t.ToString(options.TimeFormat, c))}</text>""");

            s.Append("<path fill=\"none\" stroke=\"var(--mud-palette-primary)\" stroke-width=\"2\" stroke-linejoin=\"round\" d=\"");
            for (var i = 0; i < points.Count; i++)
                s.Append(c, $"{(i == 0 ? 'M' : 'L')}{X(points[i].Time):0.#},{Y(points[i].Value, top):0.#}");
            s.Append("\"/>");

            // A column per point (halfway to each neighbour) carries its title: the browser shows it on hover.
            var step = points.Count > 1 ? PlotWidth / (points.Count - 1) : PlotWidth;
            foreach (var (time, value) in points)
            {
                var (from, to) = (Math.Max(Left, X(time) - step / 2), Math.Min(Width - Right, X(time) + step / 2));
                s.Append(c, $"""<rect x="{from:0.#}" y="{Top}" width="{to - from:0.#}" height="{PlotHeight}" fill="transparent"><title>{WebUtility.HtmlEncode(time.ToString(options.PointTimeFormat, c))}: {WebUtility.HtmlEncode(value.ToString(options.ValueFormat, c))}</title></rect>""");
            }
        }
        s.Append("</svg>");
        return new MarkupString(s.ToString());
    }

    private static double Y(double value, double top) => Top + PlotHeight - (top <= 0 ? 0 : value / top * PlotHeight);

    /// <summary>Zero, then round steps (1, 2, 2.5 or 5 times a power of ten) up to at least <paramref name="max"/>.</summary>
    public static IReadOnlyList<double> ValueTicks(double max, int maxTicks)
    {
        if (max <= 0 || !double.IsFinite(max)) return [0, 1];
        var rough = max / Math.Max(1, maxTicks - 1);
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(candidate => candidate >= rough);
        var ticks = new List<double>();
        for (var v = 0d; ticks.Count == 0 || ticks[^1] < max; v += step) ticks.Add(Math.Round(v, 10));
        return ticks;
    }
}
