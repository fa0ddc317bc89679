using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Testing;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Security;

/// <summary>The app works under its own Content Security Policy: every page runs its circuit and the browser reports no violation.</summary>
public sealed class ContentSecurityPolicyJourneyTests(BrowserFixture browser, AppServerFixture app)
    : JourneyTest(browser), IClassFixture<AppServerFixture>
{
    [Fact]
    public Task Pages_run_under_the_policy_without_violations() => JourneyAsync(async (page, diagnostics) =>
    {
        await SqlSeed.HealthChecksAsync(app.Database, 200);
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(m.Text); };

        await page.LoginAsync(app, Roles.Admin);
        foreach (var path in new[] { "/", "records/health-checks", "hotspots", "admin" })
        {
            await page.GotoAndWaitForCircuitAsync(app.Url(path));
            await Expect(page.Locator("h1, h4, h5").First).ToBeVisibleAsync();
        }
        // The grid's JS module (dynamic import) loaded and rows rendered under script-src 'self'.
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();

        Assert.Empty(violations);
        Assert.Empty(diagnostics.PageErrors);
    });
}
