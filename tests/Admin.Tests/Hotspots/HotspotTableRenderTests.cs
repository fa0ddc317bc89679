using Admin.Tests.Ui;
using Admin.Ui.Hotspots;
using Bunit;

namespace Admin.Tests.Hotspots;

public class HotspotTableRenderTests
{
    [Fact]
    public async Task The_flagged_district_comes_first_with_its_numbers_and_a_link_to_its_recent_records()
    {
        await using var ctx = UiTestContext.Create();
        var snapshot = new SnapshotBuilder()
            .District("JHB", checks: 9_000, highRisk: 900, recent: 220, baseline: 800)   // x1.1: tested, not flagged
            .District("DC22", checks: 3_000, highRisk: 600, recent: 90, baseline: 100)   // x3.6: flagged
            .District("DC5", checks: 40, highRisk: 4, recent: 3, baseline: 1)            // too few: not listed
            .Build();

        var table = ctx.Render<HotspotTable>(p => p.Add(t => t.Snapshot, snapshot).Add(t => t.LinkRecords, true));

        var rows = table.FindAll("tr[data-hotspot]");
        Assert.Equal(["DC22", "JHB"], rows.Select(r => r.GetAttribute("data-hotspot")));
        Assert.Equal("true", rows[0].GetAttribute("data-flagged"));
        Assert.Contains("90", rows[0].TextContent);
        Assert.Contains("25", rows[0].TextContent);      // expected: 100 x 7 / 28
        Assert.Contains("×3.6", rows[0].TextContent);
        Assert.Contains("hotspot", rows[0].TextContent);
        Assert.Equal("/records/health-checks?district=DC22&risk=high&from=2021-01-25&to=2021-01-31",
            rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1", table.Find("[data-testid=hotspot-count]").TextContent);
    }

    [Fact]
    public async Task With_nothing_to_judge_it_says_so()
    {
        await using var ctx = UiTestContext.Create();
        var snapshot = new SnapshotBuilder().District("DC5", checks: 40, highRisk: 4, recent: 3, baseline: 1).Build();

        var table = ctx.Render<HotspotTable>(p => p.Add(t => t.Snapshot, snapshot));

        Assert.Empty(table.FindAll("tr[data-hotspot]"));
        Assert.Contains("No area had enough high-risk checks in the last 7 days", table.Markup);
    }

    [Fact]
    public async Task Without_record_links_areas_are_plain_text_for_a_manager()
    {
        await using var ctx = UiTestContext.Create(role: Data.Security.Roles.Manager);
        var snapshot = new SnapshotBuilder()
            .District("DC22", checks: 3_000, highRisk: 600, recent: 90, baseline: 100)
            .Build();

        var table = ctx.Render<HotspotTable>(p => p.Add(t => t.Snapshot, snapshot));

        Assert.NotEmpty(table.FindAll("tr[data-hotspot]"));
        Assert.Empty(table.FindAll("a"));
        Assert.DoesNotContain("/records", table.Markup);
        Assert.Contains("uMgungundlovu", table.Find("tr[data-hotspot=DC22]").TextContent); // the area is still named
    }

    [Fact]
    public async Task The_layer_toggle_marks_its_choice_and_no_row_is_a_component()
    {
        await using var ctx = UiTestContext.Create(role: Data.Security.Roles.Manager);
        var snapshot = new SnapshotBuilder()
            .District("DC22", checks: 3_000, highRisk: 600, recent: 90, baseline: 100)
            .District("JHB", checks: 9_000, highRisk: 900, recent: 220, baseline: 800)
            .Build();

        var table = ctx.Render<HotspotTable>(p => p.Add(t => t.Snapshot, snapshot));

        // MudBlazor's look on plain elements: every manager's circuit holds this table, and a component per row
        // (a text, a chip) would be kept for the circuit's life.
        Assert.Empty(table.FindComponents<Microsoft.AspNetCore.Components.IComponent>());
        Assert.NotEmpty(table.FindAll(".mud-chip"));
        List<string?> Checked() => table.FindAll("[aria-label=Areas] button[role=checkbox]").Select(b => b.GetAttribute("aria-checked")).ToList();
        Assert.Equal(["true", "false"], Checked());
        table.FindAll("[aria-label=Areas] button[role=checkbox]")[1].Click();
        Assert.Equal(["false", "true"], Checked());
        Assert.Empty(table.FindAll("tr[data-hotspot=DC22]"));
    }
}
