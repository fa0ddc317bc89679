using Admin.Data.Security;
using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Testing.Hotspots;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Hotspots;

/// <summary>The app over five weeks of checks with an outbreak planted in uMgungundlovu (DC22) in the last week, rolled up.</summary>
public sealed class OutbreakAppFixture : AppServerFixture, IAsyncLifetime
{
    public static readonly DateOnly LastDay = new(2021, 1, 31);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await CheckRows.InsertAsync(Database.DataSource, SyntheticChecks.Background(LastDay, days: 35, seed: 4, checksPerMillion: 20)
            .Concat(SyntheticChecks.Outbreak("DC22", -29.6, 30.38, LastDay.AddDays(-6), LastDay, perDay: 12, seed: 8)));
        await Database.ExecuteAsync("ANALYZE health_checks");
        // Waits for the app's own first refresh (which may have seen an empty table), then counts everything.
        await TestRollups.Refresher(Database.DataSource)
            .RebuildAsync();
    }
}

/// <summary>A manager's journey: open Hotspots, switch to the last 7 days, click the flagged district, land on its records for that week.</summary>
public sealed class HotspotJourneyTests(BrowserFixture browser, OutbreakAppFixture app)
    : JourneyTest(browser), IClassFixture<OutbreakAppFixture>
{
    [Fact]
    public Task Open_hotspots_change_the_period_click_a_district_and_land_on_its_records() => JourneyAsync(async (page, diagnostics) =>
    {
        await page.LoginAsync(app, Roles.Admin);
        await page.GotoAndWaitForCircuitAsync(app.Url("hotspots"));
        await Expect(page.GetByTestId("period")).ToContainTextAsync("2021-01-04 – 2021-01-31 (28 days)");
        await Expect(page.Locator("[data-testid=hotspot-map] g[data-layer=provinces] path")).ToHaveCountAsync(9);

        await page.Locator("[data-preset='7d']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/hotspots\?preset=7d$"));
        await Expect(page.GetByTestId("period")).ToContainTextAsync("2021-01-25 – 2021-01-31 (7 days)");

        // The planted outbreak is flagged in the ranked list; its circle on the map links to its records.
        await Expect(page.Locator("[data-hotspot='DC22']")).ToHaveAttributeAsync("data-flagged", "true");
        await page.Locator("g[data-layer=districts] circle[data-key='DC22']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/records/health-checks\?"));
        var landed = new Uri(page.Url);
        Assert.Equal("/records/health-checks", landed.AbsolutePath);
        Assert.Equal("?district=DC22&risk=high&from=2021-01-25&to=2021-01-31", landed.Query);
        // The records grid takes the filter: its rows are that district's high-risk checks.
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("uMgungundlovu");
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("high");
        Assert.Empty(diagnostics.FailedRequests);
    });

    [Fact]
    public Task A_managers_map_draws_the_cells_it_fetches_by_address_and_follows_the_period() => JourneyAsync(async (page, diagnostics) =>
    {
        var fetched = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/hotspots/cells?", StringComparison.Ordinal)) lock (fetched) fetched.Add(r.Url); };
        await page.LoginAsync(app, Roles.Manager);
        await page.GotoAndWaitForCircuitAsync(app.Url("hotspots"));
        var layer = page.Locator("[data-testid=hotspot-map] g[data-layer=cells]");
        var first = await layer.GetAttributeAsync("data-src");
        Assert.StartsWith("/hotspots/cells?from=2021-01-04&to=2021-01-31&metric=high&v=", first);
        // The script draws what the address answers into the layer, tooltips and all.
        await Expect(layer.Locator("rect").First).ToBeAttachedAsync();
        Assert.StartsWith("Grid cell ", await layer.Locator("rect title").First.TextContentAsync());

        await page.Locator("[data-preset='7d']").ClickAsync();
        await Expect(page.GetByTestId("period")).ToContainTextAsync("2021-01-25 – 2021-01-31 (7 days)");
        await Expect(layer).ToHaveAttributeAsync("data-src", new Regex(@"from=2021-01-25&to=2021-01-31&metric=high&v="));
        var second = await layer.GetAttributeAsync("data-src");
        // The week's cells replace the four weeks' (a cell's value is its high-risk checks in the period shown).
        await Expect(layer.Locator("rect").First).ToBeAttachedAsync();
        var week = await page.EvaluateAsync<double>("async src => { const t = await (await fetch(src)).text(); return (t.match(/<rect /g) || []).length; }", second);
        await Expect(layer.Locator("rect")).ToHaveCountAsync((int)week);
        lock (fetched)
        {
            Assert.Contains(fetched, u => u.EndsWith(first!, StringComparison.Ordinal));
            Assert.Contains(fetched, u => u.EndsWith(second!, StringComparison.Ordinal));
        }
        Assert.Empty(diagnostics.FailedRequests);
    });
}
