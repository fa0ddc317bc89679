using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Data.Security;
using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Journeys;

/// <summary>
/// The app with estimated counts forced (a small table would otherwise always count exactly), and no background rollup
/// refresh: with rollups the label is exact (a test refreshes them itself), and a refresh's statements would land in
/// the statement recordings of the journeys.
/// </summary>
public sealed class EstimatingAppFixture : AppServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Counting:ExactCeiling"] = "0",
        ["Hotspots:BackgroundRefresh"] = "false",
    };
}

public sealed class RecordsJourneyTests(BrowserFixture browser, EstimatingAppFixture app)
    : JourneyTest(browser), IClassFixture<EstimatingAppFixture>
{
    [Fact]
    public Task An_analyst_filters_searches_jumps_and_opens_a_record_without_offset_or_unbounded_counts() => JourneyAsync(async (page, diagnostics) =>
    {
        await SqlSeed.HealthChecksAsync(app.Database, 3000, tieEvery: 2);
        await app.Database.ExecuteAsync("ANALYZE health_checks");
        // Logging in lands on the overview (its small exact counts are its own test's business); the journey starts after.
        await page.LoginAsync(app, Roles.Admin);
        using var rec = StatementRecorder.Start(app.Database);

        // Open the records: rows arrive, the count says it is an estimate.
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=count-label]")).ToContainTextAsync("about");
        await Expect(page.Locator("[data-testid=grid-position]")).ToContainTextAsync("around");

        // Filter by province, then risk, through the filter bar.
        await Pick(page, "province", "ZA-GP");
        await Expect(page).ToHaveURLAsync(new Regex("province=ZA-GP"));
        await Pick(page, "risk", "high");
        await Expect(page).ToHaveURLAsync(new Regex("risk=high"));
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("Gauteng");
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("high");
        // Source has no composite with province + risk: the bar does not offer it.
        await Expect(page.Locator("[data-filter=source]")).ToHaveAttributeAsync("aria-disabled", "true");

        // Search a number (g = 8 is ZA-GP and high: +278200000008).
        await page.Locator("input[data-testid=search-box]").FillAsync("082 000 0008");
        await Expect(page).ToHaveURLAsync(new Regex(@"q=082%20000%200008"));
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("+27820000008");

        // Back to all Gauteng/high checks, then jump to a date.
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks?province=ZA-GP&risk=high"));
        await page.Locator("input[data-testid=jump-date]").FillAsync("2021-01-01 12:00");
        await page.Locator("input[data-testid=jump-date]").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("at=2021-01-01T12"));
        await Expect(page.Locator("[data-testid=grid-position]")).ToContainTextAsync("1 Jan 2021 1");

        // Open a record.
        await page.Locator("tr.kg-row").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"records/health-checks/[0-9a-f-]{36}$"));
        await Expect(page.Locator("[data-testid=detail-fields]")).ToContainTextAsync("Gauteng");
        await Expect(page.Locator("[data-testid=detail-fields]")).ToContainTextAsync("high");

        Assert.Empty(diagnostics.FailedRequests);
        rec.AssertNone(SqlText.UsesOffset, "pages with OFFSET");
        rec.AssertNone(SqlText.IsUnfilteredCount, "counts the whole table");
        rec.AssertAny(s => s.Contains("(\"timestamp\", \"id\") <") || s.Contains("\"timestamp\" <="), "seeks by key");
    });

    [Fact]
    public Task A_link_with_an_unknown_filter_gets_a_message_not_a_query() => JourneyAsync(async (page, _) =>
    {
        await page.LoginAsync(app, Roles.Admin);
        using var rec = StatementRecorder.Start(app.Database);
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks?city=Durban"));
        await Expect(page.Locator("[data-testid=list-error]")).ToContainTextAsync("not something this list can filter by");
        rec.AssertNone(s => s.Contains("health_checks") && !s.Contains("pg_"), "queries the table");
    });

    [Fact]
    public Task The_same_grid_serves_vaccine_registrations_from_their_definition() => JourneyAsync(async (page, _) =>
    {
        await app.Database.ExecuteAsync("""
            INSERT INTO vaccine_registrations (gender, first_name, surname, date_of_birth, mobile_number, province, created_at)
            SELECT 'Female', 'Thandi', 'Nkosi' || g, '1950-01-01', '+2772' || lpad(g::text, 7, '0'), 'ZA-KZN', timestamptz '2021-05-01' + g * interval '1 hour'
            FROM generate_series(1, 300) g
            """);
        await page.LoginAsync(app, Roles.Admin);
        await page.GotoAndWaitForCircuitAsync(app.Url("records/vaccine-registrations?province=ZA-NL"));
        await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("Nkosi300");
        // The chosen option is the one the address names; it reads as its label (with its count where the list has them).
        await Expect(page.Locator("[data-filter=province]")).ToHaveValueAsync("ZA-KZN"); // the old code in the address reads as the current one
        await Expect(page.Locator("[data-filter=province] option:checked")).ToHaveAttributeAsync("data-label", "KwaZulu-Natal");
    });

    [Fact]
    public Task After_a_rollup_refresh_a_filtered_count_is_exact_and_current() => JourneyAsync(async (page, _) =>
    {
        await SqlSeed.HealthChecksAsync(app.Database, 600, offset: 100_000);
        var refresher = TestRollups.Refresher(app.Database.DataSource);
        try
        {
            await refresher.RebuildAsync();
            await SqlSeed.HealthChecksAsync(app.Database, 40, offset: 200_000); // after the refresh: counted from the table
            var expected = await app.Database.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE province = 'ZA-GP' AND risk = 'high'");

            await page.LoginAsync(app, Roles.Admin);
            await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks?province=ZA-GP&risk=high"));

            var label = page.Locator("[data-testid=count-label]");
            await Expect(label).ToHaveAttributeAsync("data-kind", "exact");
            await Expect(label).ToContainTextAsync(expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " checks");
            await Expect(label).Not.ToContainTextAsync("about");
        }
        finally
        {
            // The class's other journeys expect estimates: no rollups.
            await app.Database.ExecuteAsync("DELETE FROM rollup_watermarks");
        }
    });

    private static async Task Pick(IPage page, string filter, string value)
    {
        // The browser's own select, as a person's choice: focus, pick, one "change" event.
        await page.Locator($"select[data-filter={filter}]").SelectOptionAsync(value);
    }
}
