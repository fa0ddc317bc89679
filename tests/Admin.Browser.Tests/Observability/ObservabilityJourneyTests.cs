using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.ApiKeys;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Data.Security;
using Admin.Observability;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Observability;

/// <summary>The app with its Prometheus endpoint on a free loopback port; every export a background job, polled quickly.</summary>
public sealed class MetricsAppFixture : AppServerFixture, IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await SqlSeed.HealthChecksAsync(Database, 1200);
        await Database.ExecuteAsync("ANALYZE health_checks");
        // The app's first refresh saw an empty table: count the seeded rows for the hotspot page.
        await TestRollups.RebuildAsync(Database.DataSource);
    }

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "metrics-journey-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Metrics:Port"] = "0",
        ["Exports:DirectDownloadMaxRows"] = "10",
        ["Exports:Directory"] = _directory,
        ["Exports:PollInterval"] = "00:00:00.200",
    };

    public Uri MetricsAddress => Services.GetRequiredService<MetricsServer>().Address
        ?? throw new InvalidOperationException("The metrics server did not start.");
}

/// <summary>What an operator sees after people used the app: the Performance page and the metrics endpoint.</summary>
public sealed class ObservabilityJourneyTests(BrowserFixture browser, MetricsAppFixture app)
    : JourneyTest(browser), IClassFixture<MetricsAppFixture>
{
    [Fact]
    public Task The_performance_page_shows_a_grid_actions_statements_within_a_second_and_explains_them() => JourneyAsync(async (page, _) =>
    {
        await page.LoginAsync(app, Roles.Admin);
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();

        var perf = await page.Context.NewPageAsync();
        await perf.GotoAndWaitForCircuitAsync(app.Url("admin/performance"));
        await Expect(perf.GetByTestId("vital-circuits")).ToContainTextAsync("open");

        await page.GetByTestId("jump-end").ClickAsync();
        var clicked = Stopwatch.StartNew();
        // The newest interaction is the grid's window at the oldest end, its SELECT listed under it.
        var newest = perf.Locator("[data-testid=interactions] tr.perf-row").First;
        await Expect(newest).ToContainTextAsync("anchor=End", new() { Timeout = 1000 });
        var statements = perf.Locator("[data-testid=interactions] tr.perf-statements").First;
        await Expect(statements.Locator("code.sql").First).ToContainTextAsync("FROM \"health_checks\"", new() { Timeout = 1000 - (float)Math.Min(999, clicked.ElapsedMilliseconds) });
        Assert.True(clicked.ElapsedMilliseconds < 1000, $"shown {clicked.ElapsedMilliseconds} ms after the click");
        await Expect(newest).ToContainTextAsync("Admin");

        // EXPLAIN of that captured statement, on demand.
        await statements.GetByTestId("explain").First.ClickAsync();
        await Expect(statements.GetByTestId("plan").First).ToContainTextAsync(new Regex("Scan|Limit"));
    });

    [Fact]
    public Task After_a_scripted_session_the_metrics_endpoint_has_every_metric_with_counts() => JourneyAsync(async (page, _) =>
    {

        // Grid windows, a count, a filter, a search by phone, a jump.
        await page.LoginAsync(app, Roles.Admin);
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        await Expect(page.Locator("tr.kg-row").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("count-label")).Not.ToBeEmptyAsync();
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks?province=ZA-GP&q=0820000001&in=phone"));
        await Expect(page.GetByTestId("keyset-grid")).ToBeVisibleAsync();
        await page.GetByTestId("jump-end").ClickAsync();

        // Hotspots twice: computed, then from the cache.
        await page.GotoAndWaitForCircuitAsync(app.Url("hotspots"));
        await Expect(page.GetByTestId("period")).ToBeVisibleAsync();
        await page.GotoAndWaitForCircuitAsync(app.Url("hotspots"));
        await Expect(page.GetByTestId("period")).ToBeVisibleAsync();

        // A background export that finishes.
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        await page.GetByTestId("export-menu").Locator("button").ClickAsync();
        await page.GetByTestId("export-ndjson").ClickAsync();
        await page.GotoAndWaitForCircuitAsync(app.Url("exports"));
        await Expect(page.Locator("[data-status]").First).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 30_000 });

        // The API: a feed page and a batch POST.
        var (_, key) = await app.Services.GetRequiredService<ApiKeyStore>()
            .CreateAsync("metrics test", [ApiScopes.Read, ApiScopes.Write], Roles.Admin, null, "tests", CancellationToken.None);
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.True((await api.GetAsync("api/v1/healthchecks?page_size=10")).IsSuccessStatusCode);
        var batch = await api.PostAsync("api/v1/healthchecks/batch", new StringContent($"[{Check("metrics-1")},{Check("metrics-2")}]", Encoding.UTF8, "application/json"));
        Assert.True(batch.IsSuccessStatusCode, await batch.Content.ReadAsStringAsync());

        // The metrics endpoint lists each with a non-zero count. Exports are read every few seconds, so poll briefly.
        using var scraper = new HttpClient();
        Dictionary<string, double> metrics = [];
        string[] missing = [];
        for (var attempt = 0; attempt < 20; attempt++)
        {
            metrics = PrometheusText.Parse(await scraper.GetStringAsync(app.MetricsAddress));
            missing = Expected.Where(m => !metrics.Any(kv => kv.Key.StartsWith(m, StringComparison.Ordinal) && kv.Value > 0)).ToArray();
            if (missing.Length == 0) break;
            await Task.Delay(500);
        }
        Assert.True(missing.Length == 0, "missing or zero: " + string.Join(", ", missing));

        // The public port does not serve them to anyone not logged in.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var publicMetrics = await anonymous.GetAsync("metrics");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, publicMetrics.StatusCode);
    });

    /// <summary>Every metric the issue names (prefixes of Prometheus series, with the labels that matter).</summary>
    private static readonly string[] Expected =
    [
        "admin_grid_window_duration_seconds_count{",
        "admin_count_duration_seconds_count{",
        "admin_search_duration_seconds_count{",
        "admin_hotspot_snapshot_duration_seconds_count{otel_scope_name=\"Admin\",admin_cache=\"miss\"",
        "admin_hotspot_snapshot_duration_seconds_count{otel_scope_name=\"Admin\",admin_cache=\"hit\"",
        "admin_api_request_duration_seconds_count{otel_scope_name=\"Admin\",admin_api_operation=\"GetHealthCheckFeed\"",
        "admin_api_request_duration_seconds_count{otel_scope_name=\"Admin\",admin_api_operation=\"PostHealthCheckBatch\"",
        "admin_export_rows_total{",
        "admin_export_rate",
        "admin_export_duration_seconds_count{",
        "admin_rollup_refresh_duration_seconds_count{",
        "admin_rollup_staleness_seconds",
        "admin_circuits_open",
        "admin_circuits_active",
        "db_client_connection_count{",
        "db_client_connection_max{",
        "db_client_operation_duration_seconds_count{",
        "dotnet_gc_collections_total{",
        "dotnet_gc_last_collection_heap_size_bytes{",
        "http_server_request_duration_seconds_count{",
    ];

    private static string Check(string dedup) => $$"""
        {"deduplication_id":"{{dedup}}-{{Guid.NewGuid():N}}","msisdn":"+27831234567","source":"WhatsApp","province":"ZA-GP","city":"Soweto",
         "location":"-26.26000+027.86000/","age":"18-40","fever":false,"cough":true,"sore_throat":false,"difficulty_breathing":false,
         "muscle_pain":false,"smell":false,"exposure":"no","tracing":true,"timestamp":"2021-07-05T09:30:00Z","completed_timestamp":"2021-07-05T09:32:00Z"}
        """;
}
