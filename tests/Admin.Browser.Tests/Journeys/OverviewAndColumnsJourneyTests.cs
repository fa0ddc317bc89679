using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Journeys;

/// <summary>The app over 300 checks, rolled up (the overview has weeks to show).</summary>
public sealed class OverviewAppFixture : RolledUpAppFixture
{
    protected override Task SeedAsync() => SqlSeed.HealthChecksAsync(Database, 300, tieEvery: 2);
}

/// <summary>Issue 15's overview search and the list's columns: the search box lands on results; a hidden column stays hidden.</summary>
public sealed class OverviewAndColumnsJourneyTests(BrowserFixture browser, OverviewAppFixture app)
    : JourneyTest(browser), IClassFixture<OverviewAppFixture>
{
    [Fact]
    public Task An_analysts_search_box_lands_on_the_results_and_the_search_is_listed_after() => JourneyAsync(async (page, _) =>
    {
        var number = await app.Database.ScalarAsync<string>("SELECT msisdn FROM health_checks ORDER BY timestamp DESC, id DESC LIMIT 1");
        await page.LoginAsync(app, Roles.Analyst, "overview-analyst");
        await page.GotoAndWaitForCircuitAsync(app.Url("/"));
        await Expect(page.GetByTestId("no-recent-searches")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=overview-search]").FillAsync("0" + number[3..]);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"records/health-checks\?q=0\d{9}&in=phone$"));
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync(number[^4..]);
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("***"); // masked for an analyst

        // Back on the overview, the search is the newest of their own (masked as the trail holds it, so not a link).
        await page.GotoAndWaitForCircuitAsync(app.Url("/"));
        await Expect(page.GetByTestId("recent-search").First).ToContainTextAsync($"*** {number[^4..]}");
        await Expect(page.GetByTestId("recent-search").First.Locator("a")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_hidden_column_stays_hidden_after_a_reload_and_a_chosen_one_shows() => JourneyAsync(async (page, _) =>
    {
        await page.LoginAsync(app, Roles.Analyst, "columns-analyst");
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
        await Expect(Header(page, "Source")).ToHaveCountAsync(1);
        await Expect(Header(page, "May contact")).ToHaveCountAsync(0);

        await page.GetByTestId("column-chooser-toggle").ClickAsync();
        await page.Locator("[data-column=source] label").ClickAsync();
        await page.Locator("[data-column=tracing] label").ClickAsync();

        await Expect(Header(page, "Source")).ToHaveCountAsync(0);
        await Expect(Header(page, "May contact")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr.kg-row").First.Locator("td:not(.kg-copy-cell)").Last).ToHaveTextAsync("no");
        // The cells carry no role attribute: a td of a table whose role is grid is a gridcell by its element (HTML-AAM).
        var firstRow = page.GetByRole(AriaRole.Grid).GetByRole(AriaRole.Row).Nth(1);
        var cells = await firstRow.Locator("td").CountAsync();
        Assert.True(cells > 1);
        await Expect(firstRow.GetByRole(AriaRole.Gridcell)).ToHaveCountAsync(cells);

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
        await Expect(Header(page, "Source")).ToHaveCountAsync(0);
        await Expect(Header(page, "May contact")).ToHaveCountAsync(1);

        // Back to the list's defaults.
        await page.GetByTestId("column-chooser-toggle").ClickAsync();
        await page.GetByTestId("column-chooser-reset").ClickAsync();
        await Expect(Header(page, "Source")).ToHaveCountAsync(1);
        await Expect(Header(page, "May contact")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_cell_and_a_row_are_copied_as_shown() => JourneyAsync(async (page, _) =>
    {
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = app.Url("/").GetLeftPart(UriPartial.Authority) });
        await page.LoginAsync(app, Roles.Analyst, "copy-analyst");
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        var row = page.Locator("tr.kg-row").First;
        await Expect(row).ToBeVisibleAsync();
        var shownPhone = (await row.Locator("td:not(.kg-copy-cell)").Nth(1).TextContentAsync())!.Trim();
        Assert.Contains("***", shownPhone);

        await row.Locator("button.kg-copy").ClickAsync();
        await page.Locator(".kg-copy-menu [role=menuitem]", new() { HasTextString = "Copy Phone number" }).ClickAsync();
        Assert.Equal(shownPhone, await ClipboardAsync(page, shownPhone));
        await Expect(page).ToHaveURLAsync(new Regex(@"records/health-checks$")); // the button did not open the record

        // Ctrl+C on the row the keyboard is on: the row, its cells joined by tabs.
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Control+c");
        var cells = await row.Locator("td:not(.kg-copy-cell)").AllTextContentsAsync();
        var expected = string.Join("\t", cells.Select(c => c.Trim()));
        Assert.Equal(expected, await ClipboardAsync(page, expected));
    });

    [Fact]
    public Task A_record_opens_in_the_side_panel_and_Back_returns_to_the_same_rows() => JourneyAsync(async (page, _) =>
    {
        await page.LoginAsync(app, Roles.Analyst, "panel-analyst");
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks?panel=1"));
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
        // Scroll a little way down: the panel must keep this place.
        var top = await page.GetByTestId("grid-position").TextContentAsync() ?? "";
        await page.Locator(".kg-viewport").EvaluateAsync("v => v.scrollTop = 40 * 36");
        await Expect(page.GetByTestId("grid-position")).Not.ToHaveTextAsync(top);
        var place = await page.GetByTestId("grid-position").TextContentAsync() ?? "";

        await page.Locator("tr.kg-row").Nth(10).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"at=[^&]+&panel=1&open=[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("record-panel-fields")).ToContainTextAsync("***");
        await page.GoBackAsync();
        await Expect(page.GetByTestId("record-panel")).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex(@"at=[^&]+&panel=1$"));
        await Expect(page.GetByTestId("grid-position")).ToHaveTextAsync(place);

        // A reload keeps the place too (it is in the address).
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("grid-position")).ToHaveTextAsync(place);
    });

    // The clipboard is written asynchronously after the click or key: read until it holds what is expected (or give up).
    private static async Task<string> ClipboardAsync(IPage page, string expected)
    {
        var text = "";
        for (var i = 0; i < 50 && text != expected; i++)
        {
            if (i > 0) await Task.Delay(100);
            text = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        }
        return text;
    }

    private static ILocator Header(IPage page, string title) =>
        page.Locator("th.kg-head", new() { HasTextRegex = new Regex("^" + Regex.Escape(title) + "$") });
}
