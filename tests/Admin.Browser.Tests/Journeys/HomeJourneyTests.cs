using Admin.Data.Security;
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
    public Task Home_shows_navigation_and_table_counts_and_the_records_link_navigates() => JourneyAsync(async (page, diagnostics) =>
    {
        await app.Database.InsertHealthChecksAsync(4);

        await page.LoginAsync(app, Roles.Admin);

        await page.GotoAndWaitForCircuitAsync(app.Url("/"));

        await Expect(page.Locator(".mud-appbar")).ToContainTextAsync("HealthCheck Admin");
        foreach (var section in new[] { "Records", "Hotspots", "Admin" })
            await Expect(NavLink(page, section)).ToBeVisibleAsync();
        // A small table is counted, not estimated.
        await Expect(page.Locator("[data-table=health_checks] .table-size")).ToHaveTextAsync("4 checks");
        await Expect(page.Locator("[data-table=districts] .table-size")).ToHaveTextAsync("52 districts");
        // Scripts and stylesheets (_framework, _content/MudBlazor, the top-level wwwroot) all loaded.
        Assert.Empty(diagnostics.FailedRequests);

        var records = await NavLink(page, "Records").GetAttributeAsync("href") ?? "";
        Assert.StartsWith("records", records);
        await NavLink(page, "Records").ClickAsync();

        await Expect(page).ToHaveURLAsync(app.Url(records).ToString());
        await Expect(NavLink(page, "Records")).ToHaveClassAsync(new Regex(@"\bactive\b"));
    });

    [Fact]
    public Task Menu_button_hides_and_shows_the_navigation() => JourneyAsync(async (page, _) =>
    {
        await page.LoginAsync(app, Roles.Admin);
        await page.GotoAndWaitForCircuitAsync(app.Url("/"));
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await Expect(NavLink(page, "Records")).ToBeVisibleAsync();

        await toggle.ClickAsync();
        await Expect(NavLink(page, "Records")).Not.ToBeInViewportAsync();

        await toggle.ClickAsync();
        await Expect(NavLink(page, "Records")).ToBeInViewportAsync();
    });

    [Fact]
    public Task Opening_the_home_page_in_a_browser_counts_only_under_a_statement_timeout() => JourneyAsync(async (page, _) =>
    {
        using var rec = StatementRecorder.Start(app.Database);

        await page.LoginAsync(app, Roles.Admin);

        await page.GotoAndWaitForCircuitAsync(app.Url("/"));
        // Cards seen after the circuit started are the circuit's render: its queries have finished.
        await Expect(page.Locator("[data-table=districts] .table-size")).ToHaveTextAsync("52 districts");
        await rec.SettleAsync();

        // Covers the prerender and the circuit's own render (the page loads twice): the recorder filters by
        // database, not by thread, so the circuit's statements are recorded too.
        rec.AssertAny(s => s.Contains("pg_class"), "reads planner statistics");
        // The overview's own counts (a background rollup refresh may run beside it: only the page's statements are judged).
        var statements = rec.Statements;
        var counts = Enumerable.Range(0, statements.Count).Where(i => statements[i].Contains("count(*) FROM \"districts\")", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(counts);
        // Sent in one batch after its limit.
        Assert.All(counts, i => Assert.StartsWith("SET LOCAL statement_timeout", statements[i]));
        Assert.All(counts, i => Assert.False(SqlText.IsUnbounded(statements, i), statements[i]));
    });

    private static ILocator NavLink(IPage page, string name) =>
        page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
