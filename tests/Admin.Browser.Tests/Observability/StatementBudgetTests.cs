using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Observability;

/// <summary>The app over 600 checks, counted exactly (the table is small), rolled up for the hotspot page.</summary>
public sealed class BudgetAppFixture : RolledUpAppFixture
{
    protected override Task SeedAsync() => SqlSeed.HealthChecksAsync(Database, 600);
}

/// <summary>
/// Django's assertNumQueries for each interaction, in a real browser (prerender and circuit both counted): the exact
/// number of statements each sends, and that none reads a large table without a bound. A change that adds a query
/// to a page fails here and must say why.
/// </summary>
public sealed class StatementBudgetTests(BrowserFixture browser, BudgetAppFixture app)
    : JourneyTest(browser), IClassFixture<BudgetAppFixture>
{
    [Fact]
    public Task Each_interaction_sends_its_budget_of_statements_and_none_unbounded() => JourneyAsync(async (page, _) =>
    {
        await page.LoginAsync(app, Roles.Admin);
        using var rec = StatementRecorder.Start(app.Database);

        // Home, the admin's overview (was 3: three table-size reads; issue 15 made it worth opening). Once: the prerender's
        // result is persisted into the page and the circuit reuses it. Five, sent side by side: the rollups' extent; the
        // person's recent searches (bounded by the audit trail's actor index); every table's planner statistics (one read
        // of pg_class); the small tables' exact counts (one batch: SET LOCAL statement_timeout, then one count(*) each);
        // the export queue (the active jobs' index). The 12-week hotspot snapshot (weeks, trend, flagged districts: one
        // batch over the rollups) is the one the login's landing on this page computed a moment ago, from the cache; a
        // cold cache adds that one batch.
        await Step(rec, 5, async () =>
        {
            await page.GotoAndWaitForCircuitAsync(app.Url("/"));
            await Expect(page.Locator("[data-table=districts] .table-size")).ToHaveTextAsync("52 districts");
            await Expect(page.GetByTestId("week-checks")).ToBeVisibleAsync();
        });

        // Records, first paint: the window, the count label exact from the rollups (the watermark's snapshot, the sum over
        // the rollups, the sum of the rows since; the facet counts beside the filters are sums over the same cube, no
        // statement of their own), and the timeline beside the grid (the watermark's snapshot with the rollups' extent of
        // days, the rollups' buckets, the rows since): 1 + 3 + 3. Plus the person's column choices (issue 15), read once
        // per person and node for five minutes, every list's at once (the audit trail below reuses them): 8.
        await Step(rec, 8, async () =>
        {
            await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
            await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("count-label")).ToContainTextAsync("checks");
        });

        // The same page again (any user of this node): the rollups' halves are shared until the rollups change
        // (RollupPartCache), so the count and the timeline are the snapshot and the rows since each: 1 + 2 + 2.
        await Step(rec, 5, async () =>
        {
            await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
            await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("count-label")).ToContainTextAsync("checks");
        });

        // Filter (in the circuit): the audit entry, the window, and the exact count from the rollups (the watermark's
        // snapshot and the rows since; the rollups' cube of this date range is the shared one), so no count(*) of the
        // table; the facets come from that cube; the timeline of the new filter is three more (as on first paint): 4 + 3.
        await Step(rec, 7, async () =>
        {
            await page.Locator("select[data-filter=province]").SelectOptionAsync("ZA-GP");
            await Expect(page).ToHaveURLAsync(new Regex("province=ZA-GP"));
            await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("Gauteng");
        });

        // Search by phone number: the audit entry, the window, the count (no facets and no timeline: the rollups do not
        // cover a search, and an unbounded scan for a picture is not worth it).
        await Step(rec, 5, async () =>
        {
            await page.Locator("input[data-testid=search-box]").FillAsync("082 000 0008");
            await Expect(page).ToHaveURLAsync(new Regex("q=082"));
            await Expect(page.Locator("tr.kg-row").First).ToContainTextAsync("+27820000008");
        });

        // Jump to the oldest end: one window, nothing else.
        await Step(rec, 1, async () =>
        {
            await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks?province=ZA-GP"));
            rec.Clear();
            await rec.SettleAsync();
            rec.Clear();
            await page.GetByTestId("jump-end").ClickAsync();
            await Expect(page.GetByTestId("grid-position")).ToContainTextAsync("around");
        }, clearFirst: false);

        // Detail: the record, its audit entry, and the person's other checks.
        await Step(rec, 3, async () =>
        {
            await page.Locator("tr.kg-row").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"records/health-checks/[0-9a-f-]{36}$"));
            await Expect(page.Locator("[data-testid=detail-fields]")).ToContainTextAsync("Gauteng");
        });

        // Hotspots: the data extent, then one batch of four statements over the rollups (districts, cells, trend, watermark).
        await Step(rec, 2, async () =>
        {
            await page.GotoAndWaitForCircuitAsync(app.Url("hotspots"));
            await Expect(page.GetByTestId("period")).ToBeVisibleAsync();
        });

        // Exports page: the person's jobs, once (persisted from the prerender).
        await Step(rec, 1, async () =>
        {
            await page.GotoAndWaitForCircuitAsync(app.Url("exports"));
            await Expect(page.GetByTestId("no-exports")).ToBeVisibleAsync();
        });

        // Audit trail: the window, and its count (statistics; EXPLAIN for a never-analyzed table; SET LOCAL; count(*)).
        await Step(rec, 5, async () =>
        {
            await page.GotoAndWaitForCircuitAsync(app.Url("admin/audit"));
            await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
        });

        Assert.True(_overBudget.Count == 0, string.Join("\n\n", _overBudget));
    });

    private readonly List<string> _overBudget = [];

    private async Task Step(StatementRecorder rec, int budget, Func<Task> action, bool clearFirst = true, [System.Runtime.CompilerServices.CallerLineNumber] int line = 0)
    {
        if (clearFirst)
        {
            await rec.SettleAsync(); // the previous step's stragglers (a count finishing) are not this step's
            rec.Clear();
        }
        await action();
        await rec.SettleAsync();
        rec.AssertBounded();
        rec.AssertNone(SqlText.UsesOffset, "pages with OFFSET");
        try
        {
            rec.AssertCount(budget);
        }
        catch (StatementAssertionException ex)
        {
            _overBudget.Add($"step at line {line}: {ex.Message}");
        }
    }
}
