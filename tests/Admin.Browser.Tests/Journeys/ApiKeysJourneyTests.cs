using System.Net;
using System.Net.Http.Headers;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Journeys;

public sealed class ApiKeysJourneyTests(BrowserFixture browser, AppServerFixture app)
    : JourneyTest(browser), IClassFixture<AppServerFixture>
{
    [Fact]
    public Task An_admin_creates_a_key_a_client_reads_the_feed_with_it_and_the_admin_revokes_it() => JourneyAsync(async (page, diagnostics) =>
    {
        await SqlSeed.HealthChecksAsync(app.Database, 30);
        await app.Database.WaitAsync();

        await page.LoginAsync(app, Roles.Admin);
        await page.GotoAndWaitForCircuitAsync(app.Url("admin/api-keys"));
        await page.Locator("input[data-testid=key-name]").FillAsync("Data lake (journey)");
        await page.Locator("[data-testid=create-key]").ClickAsync();
        var secret = page.Locator("input[data-testid=new-key-value]");
        await Expect(secret).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ak_"));
        var key = await secret.InputValueAsync();

        // A data-lake client (not the browser) reads the feed with it: masked, as the key's role (Analyst) says.
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = await client.GetStringAsync("api/v1/healthchecks?page_size=10");
        Assert.Contains("\"results\"", body);
        Assert.Contains("+27 82 *** ", body);

        // Shown once: after "I have copied it" the page no longer holds it.
        await page.Locator("[data-testid=dismiss-key]").ClickAsync();
        await Expect(page.Locator("[data-testid=new-key]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(key, await page.ContentAsync());

        // Revoke; the very next call is refused.
        var row = page.Locator("tr", new() { HasText = "Data lake (journey)" });
        await row.Locator("[data-testid=revoke]").ClickAsync();
        await row.Locator("[data-testid=confirm-revoke]").ClickAsync();
        await Expect(row).ToContainTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/v1/healthchecks?page_size=10")).StatusCode);
        Assert.Empty(diagnostics.FailedRequests);
    });
}
