using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Security;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Api;

/// <summary>The OpenAPI browser at /api/docs renders the API's operations under the app's CSP, for logged-in users only.</summary>
public sealed class ApiDocsJourneyTests(BrowserFixture browser, AppServerFixture app)
    : JourneyTest(browser), IClassFixture<AppServerFixture>
{
    [Fact]
    public Task A_logged_in_user_browses_the_api_under_the_content_security_policy() => JourneyAsync(async (page, diagnostics) =>
    {
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(m.Text); };
        await page.LoginAsync(app, Roles.Analyst);

        var response = await page.GotoAsync(app.Url("api/docs").ToString());

        Assert.NotNull(response);
        Assert.True(response.Ok, $"/api/docs answered {response.Status}");
        // Scalar's script ran (its inline part allowed by the nonce) and drew the document's operations.
        await Expect(page.GetByText("HealthCheck Admin API").First).ToBeVisibleAsync();
        await Expect(page.GetByText("The HealthCheck change feed", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.Empty(violations);
        Assert.Empty(diagnostics.PageErrors);
        // The nonce is this response's only: the app's own pages keep script-src 'self'.
        var csp = await response.HeaderValueAsync("content-security-policy") ?? "";
        Assert.Matches("script-src 'self' 'nonce-[^']+'", csp);
    });

    [Fact]
    public Task An_anonymous_visitor_is_sent_to_the_login_page() => JourneyAsync(async (page, _) =>
    {
        await page.GotoAsync(app.Url("api/docs").ToString());

        Assert.Contains(AccountPaths.Login, page.Url, StringComparison.Ordinal);
        var document = await page.APIRequest.GetAsync(app.Url("openapi/v1.json").ToString(), new() { MaxRedirects = 0 });
        Assert.NotEqual(200, document.Status);
    });
}
