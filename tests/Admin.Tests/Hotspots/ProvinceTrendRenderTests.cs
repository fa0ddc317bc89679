using Admin.Data.Domain;
using Admin.Data.Hotspots;
using Admin.Tests.Ui;
using Admin.Ui.Hotspots;
using Bunit;
using Microsoft.AspNetCore.Components;
using System.Globalization;

namespace Admin.Tests.Hotspots;

public class ProvinceTrendRenderTests
{
    private static readonly DateOnly Day = new(2021, 1, 4);

    // Two days: Gauteng 10 checks a day (2 high), Western Cape 1,000 (100 high).
    private static readonly IReadOnlyList<TrendPoint> Trend =
    [
        new(Day, Province.Gauteng, 10, 2), new(Day.AddDays(1), Province.Gauteng, 10, 2),
        new(Day, Province.WesternCape, 1_000, 100), new(Day.AddDays(1), Province.WesternCape, 1_000, 100),
    ];

    // Each point's hover title reads "day: value".
    private static List<double> Series(IRenderedComponent<ProvinceTrend> cut, int chart) =>
        [.. cut.FindAll("svg[data-testid=time-chart]")[chart].QuerySelectorAll("rect > title")
            .Select(t => double.Parse(t.TextContent.Split(": ")[1], NumberStyles.Number, CultureInfo.InvariantCulture))];

    [Fact]
    public async Task The_whole_country_first_then_the_province_chosen()
    {
        await using var ctx = UiTestContext.Create();
        var cut = ctx.Render<ProvinceTrend>(p => p.Add(x => x.Trend, Trend).Add(x => x.Period, new HotspotPeriod(Day, Day.AddDays(1))));
        var select = cut.Find("select[data-testid=trend-province]");
        Assert.Equal("all", select.GetAttribute("value"));
        Assert.Equal(1 + Codes<Province>.All.Count, select.QuerySelectorAll("option").Length);
        Assert.Equal([1_010d, 1_010d], Series(cut, 0));

        await select.ChangeAsync(new ChangeEventArgs { Value = Codes<Province>.ToCode(Province.Gauteng) });
        Assert.Equal([10d, 10d], Series(cut, 0));
        Assert.Equal([20d, 20d], Series(cut, 1)); // high-risk share, %
        Assert.Contains("2021-01-05: 10", cut.Markup);
        Assert.Empty(cut.FindComponents<MudBlazor.MudChart<double>>()); // no chart measuring its labels from the browser
    }
}
