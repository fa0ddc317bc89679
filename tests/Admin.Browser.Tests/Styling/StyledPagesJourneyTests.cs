using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Security;
using Admin.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Styling;

/// <summary>
/// Every page rendered on the server without a circuit (account pages, not found, error) is drawn with the app's
/// styles, checked from the browser's computed styles. A one-time-password user's first screen once showed an info
/// icon filling the page: the change-password page's stylesheets were redirected back to the page itself.
/// </summary>
public sealed class StyledPagesJourneyTests(BrowserFixture browser, AppServerFixture app)
    : JourneyTest(browser), IClassFixture<AppServerFixture>
{
    [Fact]
    public Task A_one_time_password_users_first_screen_is_styled() => JourneyAsync(async (page, diagnostics) =>
    {
        var name = await TestAccounts.EnsureAsync(app.Database, Roles.Analyst, "first-login", mustChangePassword: true);
        await page.GotoAsync(app.Url("account/login").ToString());
        await page.GetByTestId("login-user").FillAsync(name);
        await page.GetByTestId("login-password").FillAsync(TestAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(AccountPaths.ChangePassword, StringComparison.Ordinal));
        await Expect(page.GetByTestId("password-submit")).ToBeVisibleAsync();

        Assert.Empty(await ComputedStyles.ProblemsAsync(page));
        // The card keeps its width: the page's own stylesheet applies, not only MudBlazor's.
        Assert.Equal("384px", await page.Locator(".account-card").EvaluateAsync<string>("e => getComputedStyle(e).maxWidth"));
        Assert.Empty(diagnostics.ConsoleErrors);
        // Other pages are still closed to this user until the password is changed.
        await page.GotoAsync(app.Url("records/health-checks").ToString());
        Assert.Contains(AccountPaths.ChangePassword, page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task The_login_and_error_pages_are_styled_for_anyone() => JourneyAsync(async (page, diagnostics) =>
    {
        foreach (var path in new[] { "account/login", "error" })
        {
            await page.GotoAsync(app.Url(path).ToString());
            var problems = await ComputedStyles.ProblemsAsync(page);
            Assert.True(problems.Count == 0, $"{path}: {string.Join("; ", problems)}");
        }
        Assert.Empty(diagnostics.ConsoleErrors);
    });

    [Fact]
    public Task Denied_not_found_and_error_pages_are_styled_for_a_user() => JourneyAsync(async (page, diagnostics) =>
    {
        await page.LoginAsync(app, Roles.Manager);
        foreach (var path in new[] { "account/denied", "no-such-page", "error", "account/change-password" })
        {
            await page.GotoAsync(app.Url(path).ToString());
            var problems = await ComputedStyles.ProblemsAsync(page);
            Assert.True(problems.Count == 0, $"{path}: {string.Join("; ", problems)}");
        }
        // The not-found page's own 404 is expected; a refused script or stylesheet is not.
        Assert.DoesNotContain(diagnostics.ConsoleErrors, e => !e.Contains("status of 404", StringComparison.Ordinal));
    });
}
