using System.Net;
using Admin.Data.ApiKeys;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;

namespace Admin.Tests.Api;

/// <summary>GET /api/v1/healthchecks: pages, filters, and clear 400s for anything it does not accept.</summary>
public sealed class FeedApiTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const int Rows = 1_000;

    public async Task InitializeAsync()
    {
        if (await app.Database.ScalarAsync<long>("SELECT count(*) FROM health_checks") == 0)
        {
            await SqlSeed.HealthChecksAsync(app.Database, Rows);
            await app.Database.ExecuteAsync("ANALYZE health_checks");
        }
        await app.Database.WaitAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<FeedPages>> CrawlAsync(HttpClient client, string query)
    {
        var pages = new List<FeedPages>();
        var url = "/api/v1/healthchecks?" + query;
        while (true)
        {
            var page = await FeedPages.GetAsync(client, url);
            pages.Add(page);
            if (!page.HasMore) return pages;
            Assert.NotNull(page.Next);
            url = page.Next!;
        }
    }

    [Fact]
    public async Task Following_next_returns_every_row_once_in_feed_order()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin);
        var pages = await CrawlAsync(client, "page_size=300");
        var ids = pages.SelectMany(p => p.Ids).ToList();
        Assert.Equal(Rows, ids.Count);
        Assert.Equal(Rows, ids.Distinct().Count());
        Assert.Equal([300, 300, 300, 100], pages.Select(p => p.Results.Count));
        Assert.Null(pages[^1].Next);
        // Every page's cursor resumes after it: the last one yields nothing new until something is written.
        var resumed = await FeedPages.GetAsync(client, "/api/v1/healthchecks?page_size=300&cursor=" + pages[^1].Cursor);
        Assert.Empty(resumed.Results);
        Assert.False(resumed.HasMore);
    }

    [Fact]
    public async Task Default_page_holds_1000_rows()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin);
        var page = await FeedPages.GetAsync(client, "/api/v1/healthchecks");
        Assert.Equal(1000, page.Results.Count);
    }

    [Theory]
    [InlineData("province=ZA-WC", 250)]
    [InlineData("province=ZA-GT", 250)] // the old code for Gauteng
    [InlineData("district=CPT", 250)]
    [InlineData("risk=high", 333)]
    [InlineData("province=ZA-GP&risk=low", 83)]
    [InlineData("msisdn=%2B27820000042", 1)]
    [InlineData("msisdn=0820000042", 1)]
    [InlineData("since=2021-01-01T05:00:00Z", 101)]
    public async Task A_filter_returns_exactly_its_rows(string query, int expected)
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin);
        var ids = (await CrawlAsync(client, query + "&page_size=50")).SelectMany(p => p.Ids).ToList();
        Assert.Equal(expected, ids.Count);
        Assert.Equal(expected, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_rare_filter_pages_in_bounded_scans_and_still_finds_every_row()
    {
        await using var factory = new AdminAppFactory(app.Database.ConnectionString);
        using var budgeted = factory.WithWebHostBuilder(b => b.UseSetting("Api:ScanBudget", "100"));
        var client = await budgeted.CreateApiClientAsync(Roles.Admin);
        var pages = await CrawlAsync(client, "district=JHB&page_size=1000");
        // 1000 rows in budgets of 100 entries: at least ten pages, each examining (so returning) at most 100 rows.
        Assert.True(pages.Count >= 10, $"{pages.Count} pages");
        Assert.All(pages, p => Assert.True(p.Results.Count <= 100));
        Assert.Contains(pages, p => p.Results.Count < 100 && p.HasMore);
        Assert.Equal(250, pages.SelectMany(p => p.Ids).Distinct().Count());
    }

    [Theory]
    [InlineData("colour=red", "colour")]
    [InlineData("province=ZA-XX", "province")]
    [InlineData("province=ZA-GP&province=ZA-WC", "province")]
    [InlineData("district=NOPE", "district")]
    [InlineData("risk=extreme", "risk")]
    [InlineData("msisdn=12345", "msisdn")]
    [InlineData("msisdn=%27%20OR%201%3D1--", "msisdn")]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2021-02-30", "since")]
    [InlineData("since=2021-06-01T08:00:00 02:00", "since")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=5001", "page_size")]
    [InlineData("page_size=-5", "page_size")]
    [InlineData("page_size=99999999999999999999", "page_size")]
    [InlineData("page_size=", "page_size")]
    [InlineData("cursor=", "cursor")]
    public async Task Bad_parameters_get_a_400_naming_the_parameter(string query, string parameter)
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin);
        var response = await client.GetAsync("/api/v1/healthchecks?" + query);
        var detail = await response.AssertProblemAsync(400);
        var json = await response.JsonAsync();
        Assert.Equal(parameter, json.GetProperty("parameter").GetString());
        Assert.Contains(parameter, detail);
    }

    [Fact]
    public async Task Api_paths_answer_problem_details_never_the_html_pages()
    {
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin);
        var missing = await client.GetAsync("/api/v1/nothing-here");
        await missing.AssertProblemAsync(404);

        var anonymous = app.Factory.CreateApiClient(null);
        var unauthenticated = await anonymous.GetAsync("/api/v1/healthchecks");
        var detail = await unauthenticated.AssertProblemAsync(401);
        Assert.Contains("Bearer", detail);
        Assert.Null(unauthenticated.Headers.Location); // no redirect to the login page
    }

    [Fact]
    public async Task A_logged_in_browser_session_cannot_call_the_api()
    {
        var browser = await app.Factory.CreateClientAsAsync(app.Database, Roles.Admin);
        var response = await browser.GetAsync("/api/v1/healthchecks");
        await response.AssertProblemAsync(401);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
    }
}
