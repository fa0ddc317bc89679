using System.Net;
using Admin.Data.Rollups;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Admin.Browser.Tests.Hotspots;

/// <summary>
/// A manager's journey in headless Chromium against the real app (Kestrel on loopback) and a real database: open
/// Hotspots, switch to the last 7 days, click the flagged district, land on its records filtered to that week.
/// Self-contained for now; it can adopt the shared browser fixture when that lands.
/// </summary>
public class HotspotJourneyTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2021, 1, 31);
    private TestDatabase _db = null!;
    private WebApplicationFactory<Program> _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 35, seed: 4, checksPerMillion: 20)
            .Concat(SyntheticChecks.Outbreak("DC22", -29.6, 30.38, LastDay.AddDays(-6), LastDay, perDay: 12, seed: 8)));

        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("staticWebAssets", StaticAssetsManifest.Corrected())
            .UseSetting("ConnectionStrings:Admin", _db.ConnectionString)
            .UseSetting("Hotspots:BackgroundRefresh", "false"));
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await _app.Services.GetRequiredService<RollupRefresher>().RebuildAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Open_hotspots_change_the_period_click_a_district_and_land_on_its_records()
    {
        var page = await _browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync(_baseUrl + "/hotspots");
        await Assertions.Expect(page.GetByTestId("period")).ToContainTextAsync("(28 days)");
        await Assertions.Expect(page.Locator("[data-testid=hotspot-map] g[data-layer=provinces] path")).ToHaveCountAsync(9);

        await page.Locator("[data-preset='7d']").ClickAsync();
        await page.WaitForURLAsync("**/hotspots?preset=7d");
        await Assertions.Expect(page.GetByTestId("period")).ToContainTextAsync("2021-01-25 – 2021-01-31 (7 days)");

        // The planted outbreak is flagged in the ranked list; its circle on the map is a link to its records.
        await Assertions.Expect(page.Locator("[data-hotspot='DC22']")).ToHaveAttributeAsync("data-flagged", "true");
        await page.Locator("g[data-layer=districts] circle[data-key='DC22']").ClickAsync();

        await page.WaitForURLAsync("**/records/health-checks?**");
        var landed = new Uri(page.Url);
        Assert.Equal("/records/health-checks", landed.AbsolutePath);
        Assert.Equal("?district=DC22&risk=high&from=2021-01-25&to=2021-01-31", landed.Query);
    }
}
