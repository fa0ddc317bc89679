using Admin.Browser.Tests.Hosting;
using Admin.Testing;
using Microsoft.Playwright;

namespace Admin.Browser.Tests.Browsing;

public static class LoginExtensions
{
    /// <summary>Logs in through the real login form as a user of <paramref name="role"/> (created if need be).</summary>
    public static async Task LoginAsync(this IPage page, AppServerFixture app, string role, string? userName = null)
    {
        var name = await TestAccounts.EnsureAsync(app.Database, role, userName);
        await page.GotoAsync(app.Url("account/login").ToString());
        await page.GetByTestId("login-user").FillAsync(name);
        await page.GetByTestId("login-password").FillAsync(TestAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        // Wait for the redirect to commit, then for the circuit: the page's load event is not a readiness signal here
        // (waiting on it timed out once in CI with the home page already rendered).
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForCircuitAsync();
    }
}
