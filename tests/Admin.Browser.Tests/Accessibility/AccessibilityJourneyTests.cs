using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Accessibility;

/// <summary>The app over 300 checks (rolled up, so the hotspot page has areas) and a few vaccine registrations.</summary>
public sealed class AccessibilityAppFixture : RolledUpAppFixture
{
    protected override async Task SeedAsync()
    {
        await SqlSeed.HealthChecksAsync(Database, 300, tieEvery: 2);
        await Database.ExecuteAsync("""
            INSERT INTO vaccine_registrations (gender, first_name, surname, date_of_birth, mobile_number, province, created_at)
            SELECT 'Female', 'Thandi', 'Nkosi' || g, '1950-01-01', '+2772' || lpad(g::text, 7, '0'), 'ZA-KZN', timestamptz '2021-05-01' + g * interval '1 hour'
            FROM generate_series(1, 20) g
            """);
    }
}

/// <summary>
/// axe-core (the copy embedded in Deque.AxeCore.Playwright, injected into the page by the test: nothing is fetched)
/// on every page, as each role that can see it: no serious or critical violation. And the records grid worked by
/// the keyboard alone.
/// </summary>
public sealed class AccessibilityJourneyTests(BrowserFixture browser, AccessibilityAppFixture app)
    : JourneyTest(browser), IClassFixture<AccessibilityAppFixture>
{
    [Fact]
    public Task Every_page_has_no_serious_or_critical_axe_violations_for_each_role_that_sees_it() => JourneyAsync(async (page, _) =>
    {
        var found = new List<string>();
        // Nobody signed in.
        await CheckAsync(page, "anonymous", "account/login", found);
        foreach (var role in new[] { Roles.Admin, Roles.Analyst, Roles.Manager })
            await CheckAsRoleAsync(page, role, dark: false, found);
        Assert.True(found.Count == 0, $"axe found {found.Count} serious or critical violation(s):\n{string.Join("\n", found)}");
    });

    [Fact]
    public Task In_dark_mode_no_page_has_serious_or_critical_axe_violations() => JourneyAsync(async (page, _) =>
    {
        var found = new List<string>();
        await CheckAsRoleAsync(page, Roles.Admin, dark: true, found);
        Assert.True(found.Count == 0, $"axe found {found.Count} serious or critical violation(s) in dark mode:\n{string.Join("\n", found)}");
    });

    /// <summary>Every page <paramref name="role"/> may open (and, for a manager, the page that refuses the rest).</summary>
    private async Task<List<string>> PagesForAsync(string role)
    {
        var check = await app.Database.ScalarAsync<Guid>("SELECT id FROM health_checks ORDER BY timestamp DESC, id DESC LIMIT 1");
        var registration = await app.Database.ScalarAsync<long>("SELECT id FROM vaccine_registrations ORDER BY created_at LIMIT 1");
        var pages = new List<string> { "", "account/change-password", "no-such-page", "hotspots" };
        if (role == Roles.Manager) pages.Add("account/denied");
        else
            pages.AddRange([
                "records/health-checks", "records/health-checks?province=ZA-GP&risk=high", "records/vaccine-registrations",
                $"records/health-checks/{check}", $"records/vaccine-registrations/{registration}", "exports",
                $"records/health-checks?panel=1&open={check}",
            ]);
        if (role == Roles.Admin)
            pages.AddRange([
                $"records/health-checks/{check}/edit", $"records/health-checks/{check}/history",
                "admin", "admin/audit", "admin/users", "admin/api-keys", "admin/performance",
            ]);
        return pages;
    }

    // Each role in a context of its own (its own cookie); dark mode is saved per user, so the dark pass uses another one.
    private async Task CheckAsRoleAsync(IPage page, string role, bool dark, List<string> found)
    {
        var context = await page.Context.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        try
        {
            var rolePage = await context.NewPageAsync();
            await rolePage.LoginAsync(app, role, dark ? role.ToLowerInvariant() + "-dark" : null);
            var label = dark ? role + " (dark)" : role;
            if (dark)
            {
                await rolePage.GetByTestId("theme-toggle").ClickAsync();
                await Expect(rolePage.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
            }
            foreach (var path in await PagesForAsync(role)) await CheckAsync(rolePage, label, path, found);
            if (role == Roles.Admin)
            {
                // An entry of the trail: the record views above wrote some.
                var entry = await app.Database.ScalarAsync<long>("SELECT max(id) FROM audit_entries");
                await CheckAsync(rolePage, label, $"admin/audit/{entry}", found);
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public Task The_records_grid_works_from_the_keyboard_alone() => JourneyAsync(async (page, _) =>
    {
        var oldest = await app.Database.ScalarAsync<Guid>("SELECT id FROM health_checks ORDER BY timestamp, id LIMIT 1");
        await page.LoginAsync(app, Roles.Analyst);
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        var grid = page.Locator("[role=grid]");
        await Expect(grid).ToHaveAttributeAsync("aria-rowcount", "-1");
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
        // One tab stop in the whole grid.
        await Expect(page.Locator("tr.kg-row[tabindex='0']")).ToHaveCountAsync(1);

        await page.Locator("tr.kg-row[tabindex='0']").FocusAsync();
        await ExpectFocusedRowAsync(page, 2);

        // Moving between loaded rows sends no statement.
        using (var rec = StatementRecorder.Start(app.Database))
        {
            await rec.SettleAsync();
            rec.Clear();
            await page.Keyboard.PressAsync("ArrowDown");
            await ExpectFocusedRowAsync(page, 3);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowUp");
            await ExpectFocusedRowAsync(page, 3);
            await rec.SettleAsync();
            rec.AssertCount(0);
        }

        // PageDown: a screen further, the row scrolled into view below the sticky header.
        await page.Keyboard.PressAsync("PageDown");
        await Expect(page.Locator("tr.kg-row:focus")).Not.ToHaveAttributeAsync("aria-rowindex", "3");
        var paged = await FocusedRowIndexAsync(page);
        Assert.InRange(paged, 3 + 8, 3 + 20);
        Assert.True(await page.Locator("tr.kg-row:focus").EvaluateAsync<bool>("""
            r => { const v = r.closest('.kg-viewport').getBoundingClientRect(), b = r.getBoundingClientRect(),
                         h = r.closest('table').querySelector('th').getBoundingClientRect();
                   return b.top >= h.bottom - 1 && b.bottom <= v.bottom + 1; }
            """), "the focused row is in view, below the header");

        // End: the loaded window's last row; End again: the oldest check, by key.
        await page.Keyboard.PressAsync("End");
        await Expect(page.Locator("tr.kg-row:focus")).Not.ToHaveAttributeAsync("aria-rowindex", paged.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await FocusedRowIndexAsync(page) > paged);
        await page.Keyboard.PressAsync("End");
        await Expect(page.GetByTestId("grid-end")).ToBeVisibleAsync();
        await Expect(page.Locator("tr.kg-row:focus")).ToHaveCountAsync(1);

        // Tab leaves the grid (one stop, not one per row).
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('[role=grid]')"));
        await page.Locator("tr.kg-row[tabindex='0']").FocusAsync();

        // Enter opens the record the keyboard is on: the oldest.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"records/health-checks/{oldest}$"));
    });

    private static async Task<int> FocusedRowIndexAsync(IPage page) =>
        int.Parse(await page.Locator("tr.kg-row:focus").GetAttributeAsync("aria-rowindex") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static Task ExpectFocusedRowAsync(IPage page, int rowIndex) =>
        Expect(page.Locator("tr.kg-row:focus")).ToHaveAttributeAsync("aria-rowindex", rowIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task CheckAsync(IPage page, string role, string path, List<string> found)
    {
        await page.GotoAsync(app.Url(path).ToString());
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await page.Locator("[data-interactive]").CountAsync() > 0) await page.WaitForCircuitAsync();
        // What a reader meets once the page has loaded, not its placeholders and progress bars.
        await Expect(page.GetByText("Loading…", new() { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-progress-linear, .mud-progress-circular")).ToHaveCountAsync(0);
        foreach (var line in await AxeCheck.SeriousViolationsAsync(page)) found.Add($"{role} /{path}: {line}");
    }
}
