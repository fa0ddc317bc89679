using Admin.Components.Charts;
using AngleSharp.Html.Parser;

namespace Admin.Components.Tests.Charts;

public class TimeChartSvgTests
{
    private static readonly DateTime Day = new(2021, 3, 1);

    private static AngleSharp.Dom.IElement Svg(IReadOnlyList<(DateTime, double)> points, TimeChartOptions options) =>
        new HtmlParser().ParseDocument("<body>" + TimeChartSvg.Render(points, options).Value).QuerySelector("svg")!;

    [Theory]
    [InlineData(0, 6, new[] { 0d, 1 })]
    [InlineData(1_010, 6, new[] { 0d, 250, 500, 750, 1_000, 1_250 })]
    [InlineData(20, 6, new[] { 0d, 5, 10, 15, 20 })]
    [InlineData(7, 6, new[] { 0d, 2, 4, 6, 8 })]
    [InlineData(0.3, 4, new[] { 0d, 0.1, 0.2, 0.3 })]
    public void Value_ticks_are_round_steps_from_zero_past_the_largest(double max, int maxTicks, double[] expected) =>
        Assert.Equal(expected, TimeChartSvg.ValueTicks(max, maxTicks));

    [Fact]
    public void Every_point_has_a_hover_title_with_its_day_and_value_and_the_line_goes_through_them()
    {
        var points = Enumerable.Range(0, 5).Select(i => (Day.AddDays(i), 1_000d * i)).ToList();
        var svg = Svg(points, new TimeChartOptions("Checks <all>", LabelSpacing: TimeSpan.FromDays(2)));

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Checks <all>", svg.GetAttribute("aria-label")); // encoded in the markup, read back as written
        Assert.Equal(["2021-03-01: 0", "2021-03-02: 1,000", "2021-03-03: 2,000", "2021-03-04: 3,000", "2021-03-05: 4,000"],
            svg.QuerySelectorAll("rect > title").Select(t => t.TextContent));
        Assert.Equal(["1 Mar", "3 Mar", "5 Mar"], svg.QuerySelectorAll("text[text-anchor=middle]").Select(t => t.TextContent));

        // Five points, left to right; the first at zero on the bottom line, the last at the top tick (4,000).
        var d = svg.QuerySelector("path")!.GetAttribute("d")!;
        var xy = d.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(',').Select(double.Parse).ToArray()).ToList();
        Assert.Equal(5, xy.Count);
        Assert.True(xy.Zip(xy.Skip(1)).All(p => p.Second[0] > p.First[0]));
        var lines = svg.QuerySelectorAll("line").Select(l => double.Parse(l.GetAttribute("y1")!)).ToList();
        Assert.Equal(lines.Max(), xy[0][1]);
        Assert.Equal(lines.Min(), xy[^1][1]);
    }

    [Fact]
    public void No_points_draw_the_axes_only()
    {
        var svg = Svg([], new TimeChartOptions("Nothing"));
        Assert.Null(svg.QuerySelector("path"));
        Assert.Empty(svg.QuerySelectorAll("rect"));
        Assert.Equal(2, svg.QuerySelectorAll("line").Length);
    }

    [Fact]
    public void One_point_stands_in_the_middle()
    {
        var svg = Svg([(Day, 5)], new TimeChartOptions("One"));
        Assert.Equal(["2021-03-01: 5"], svg.QuerySelectorAll("rect > title").Select(t => t.TextContent));
        var line = svg.QuerySelector("line")!;
        var middle = (double.Parse(line.GetAttribute("x1")!) + double.Parse(line.GetAttribute("x2")!)) / 2;
        Assert.StartsWith($"M{middle},", svg.QuerySelector("path")!.GetAttribute("d"));
    }
}
