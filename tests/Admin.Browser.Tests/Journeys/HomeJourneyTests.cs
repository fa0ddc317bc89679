using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Journeys;

public sealed class HomeJourneyTests(BrowserFixture browser, AppServerFixture app)
    : JourneyTest(browser), IClassFixture<AppServerFixture>
{
    [Fact]
    public Task Home_shows_navigation_and_table_sizes_and_the_records_link_navigates() => JourneyAsync(async (page, diagnostics) =>
    {
        await app.Database.InsertHealthChecksAsync(4);

        await page.GotoAndWaitForCircuitAsync(app.Url("/"));

        await Expect(page.Locator(".mud-appbar")).ToContainTextAsync("HealthCheck Admin");
        foreach (var section in new[] { "Records", "Hotspots", "Admin" })
            await Expect(NavLink(page, section)).ToBeVisibleAsync();
        await Expect(page.Locator("[data-table=health_checks] .table-size")).ToHaveTextAsync("about 4 rows");
        // Scripts and stylesheets (_framework, _content/MudBlazor, the top-level wwwroot) all loaded.
        Assert.Empty(diagnostics.FailedRequests);

        await NavLink(page, "Records").ClickAsync();

        await Expect(page).ToHaveURLAsync(app.Url("records").ToString());
        await Expect(NavLink(page, "Records")).ToHaveClassAsync(new Regex(@"\bactive\b"));
    });

    [Fact]
    public Task Menu_button_hides_and_shows_the_navigation() => JourneyAsync(async (page, _) =>
    {
        await page.GotoAndWaitForCircuitAsync(app.Url("/"));
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await Expect(NavLink(page, "Records")).ToBeVisibleAsync();

        await toggle.ClickAsync();
        await Expect(NavLink(page, "Records")).Not.ToBeInViewportAsync();

        await toggle.ClickAsync();
        await Expect(NavLink(page, "Records")).ToBeInViewportAsync();
    });

    private static ILocator NavLink(IPage page, string name) =>
        page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
