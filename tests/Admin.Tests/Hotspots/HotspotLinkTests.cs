using Admin.Data.Domain;
using Admin.Data.Hotspots;
using Admin.Ui.Hotspots;

namespace Admin.Tests.Hotspots;

public class HotspotLinkTests
{
    private static readonly HotspotPeriod January = new(new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 31));

    [Fact]
    public void Records_link_follows_the_team_contract()
    {
        Assert.Equal("/records/health-checks?province=ZA-GP&district=DC22&risk=high&from=2021-01-01&to=2021-01-31",
            RecordsLink.For(January, Province.Gauteng, "DC22"));
        Assert.Equal("/records/health-checks?from=2021-01-01&to=2021-01-31", RecordsLink.For(January, risk: null));
    }

    [Theory]
    [InlineData("7d", "2021-12-25", "2021-12-31")]
    [InlineData("28d", "2021-12-04", "2021-12-31")]
    [InlineData("all", "2021-06-01", "2021-12-31")]
    [InlineData("365d", "2021-06-01", "2021-12-31")] // clipped to the first day with data
    public void Presets_count_back_from_the_newest_day_with_data(string code, string from, string to)
    {
        var period = PeriodPreset.Find(code)!.Resolve(new DateOnly(2021, 6, 1), new DateOnly(2021, 12, 31));

        Assert.Equal(DateOnly.Parse(from), period.From);
        Assert.Equal(DateOnly.Parse(to), period.To);
    }

    [Fact]
    public void The_page_url_keeps_period_and_metric()
    {
        Assert.Equal("/hotspots?preset=7d&metric=share", HotspotsUrl.For(PeriodPreset.Find("7d")!, HotspotMetric.HighRiskShare));
        Assert.Equal("/hotspots?from=2021-01-01&to=2021-01-31", HotspotsUrl.For(January, HotspotMetric.HighRiskCount));
        Assert.Equal(HotspotMetric.ChangeVsBaseline, HotspotMetrics.Parse("change"));
        Assert.Equal(HotspotMetric.HighRiskCount, HotspotMetrics.Parse("nonsense"));
    }
}
