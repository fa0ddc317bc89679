using Admin.Components.Maps;
using Admin.Data.Domain;
using Admin.Ui.Hotspots;
using Bunit;

namespace Admin.Tests.Hotspots;

public class HotspotMapRenderTests : BunitContext
{
    private static readonly ProvinceShapes Shapes = ProvinceShapes.Load();

    // Gauteng has the most high-risk checks; the Northern Cape the highest share of them.
    private static readonly Data.Hotspots.HotspotSnapshot Snapshot = new SnapshotBuilder()
        .Province(Province.Gauteng, checks: 10_000, highRisk: 1_000)
        .Province(Province.NorthernCape, checks: 500, highRisk: 250)
        .Province(Province.WesternCape, checks: 2_000, highRisk: 100, recent: 60, baseline: 80)
        .District("DC22", checks: 3_000, highRisk: 600, recent: 90, baseline: 100)
        .District("JHB", checks: 9_000, highRisk: 900, recent: 50, baseline: 200)
        .Cell(-26.2, 28.0, checks: 400, highRisk: 40)
        .Build();

    private IRenderedComponent<HotspotMap> RenderMap(HotspotMetric metric, bool linkRecords = true) =>
        Render<HotspotMap>(p => p.Add(m => m.Snapshot, Snapshot).Add(m => m.Shapes, Shapes).Add(m => m.Metric, metric).Add(m => m.LinkRecords, linkRecords));

    private static string Fill(IRenderedComponent<HotspotMap> map, string province) =>
        map.Find($"g[data-layer='provinces'] path[data-key='{province}']").GetAttribute("fill")!;

    [Fact]
    public void Province_fills_follow_the_selected_metric()
    {
        var byCount = RenderMap(HotspotMetric.HighRiskCount);
        var byShare = RenderMap(HotspotMetric.HighRiskShare);
        var top = ColorRamp.YellowOrangeRed.At(1);

        Assert.Equal(top, Fill(byCount, "ZA-GP"));
        Assert.NotEqual(top, Fill(byCount, "ZA-NC"));
        Assert.Equal(top, Fill(byShare, "ZA-NC"));
        Assert.NotEqual(top, Fill(byShare, "ZA-GP"));
    }

    [Fact]
    public void Change_colours_a_rising_province_red_and_leaves_unjudged_ones_grey()
    {
        var byChange = RenderMap(HotspotMetric.ChangeVsBaseline);

        // Western Cape: 60 recent vs 20 expected = x3, on the red side of the ratio scale.
        Assert.Equal(HotspotMetrics.ChangeScale().ColorFor(3.0), Fill(byChange, "ZA-WC"));
        Assert.Equal(new RatioColorScale(2, ColorRamp.BlueWhiteRed, _ => "").NoDataColor, Fill(byChange, "ZA-GP"));
    }

    [Fact]
    public void Districts_are_circles_sized_by_volume_linking_to_their_records()
    {
        var map = RenderMap(HotspotMetric.HighRiskCount);

        var jhb = map.Find("g[data-layer='districts'] circle[data-key='JHB']");
        var dc22 = map.Find("g[data-layer='districts'] circle[data-key='DC22']");
        Assert.True(double.Parse(jhb.GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture)
                    > double.Parse(dc22.GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/records/health-checks?district=DC22&risk=high&from=2021-01-04&to=2021-01-31", dc22.ParentElement!.GetAttribute("href"));
        Assert.Contains("HOTSPOT", dc22.QuerySelector("title")!.TextContent);
    }

    [Fact]
    public void Provinces_link_to_their_records_for_the_period()
    {
        var map = RenderMap(HotspotMetric.HighRiskCount);

        var gp = map.Find("g[data-layer='provinces'] path[data-key='ZA-GP']");
        Assert.Equal("/records/health-checks?province=ZA-GP&risk=high&from=2021-01-04&to=2021-01-31", gp.ParentElement!.GetAttribute("href"));
        Assert.Single(map.FindAll("g[data-layer='cells'] rect"));
    }

    [Fact]
    public void Without_record_links_no_area_leads_to_records_and_no_tooltip_offers_it()
    {
        var map = RenderMap(HotspotMetric.HighRiskCount, linkRecords: false);

        Assert.NotEmpty(map.FindAll("g[data-layer='provinces'] path"));
        Assert.Empty(map.FindAll("a"));
        Assert.DoesNotContain("/records", map.Markup);
        Assert.DoesNotContain("Click:", map.Markup);
        Assert.DoesNotContain("cursor:pointer", map.Markup);
        // Nobody clicks the cells: the layer is their address, for the browser to fetch, not the cells themselves.
        Assert.Equal(HotspotCells.Url(Snapshot, HotspotMetric.HighRiskCount), map.Find("g[data-layer='cells']").GetAttribute("data-src"));
        Assert.Empty(map.FindAll("g[data-layer='cells'] rect"));
    }
}
