using System.Text.RegularExpressions;
using Admin.Browser.Tests.Browsing;
using Admin.Browser.Tests.Hosting;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Testing.Exports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Admin.Browser.Tests.Exports;

/// <summary>The app with a 500-row ceiling for direct downloads and fast job progress; exports to a directory of its own.</summary>
public sealed class ExportAppServer : AppServerFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "export-journey-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Exports:DirectDownloadMaxRows"] = "500",
        ["Exports:Directory"] = _directory,
        ["Exports:ProgressInterval"] = "00:00:00.200",
        ["Exports:PollInterval"] = "00:00:00.200",
    };
}

public sealed class ExportJourneyTests(BrowserFixture browser, ExportAppServer app) : JourneyTest(browser), IClassFixture<ExportAppServer>
{
    [Fact]
    public Task An_analyst_downloads_the_grid_at_once_and_follows_a_large_export_to_its_file() => JourneyAsync(async (page, diagnostics) =>
    {
        await SqlSeed.HealthChecksAsync(app.Database, 1200);
        await app.Database.ExecuteAsync("ANALYZE health_checks");
        await page.LoginAsync(app, Roles.Analyst);

        // A province (300 rows): the file downloads at once, masked, with the grid's filter.
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks?province=ZA-GP"));
        await page.GetByTestId("export-menu").Locator("button").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        Assert.Matches(@"^health-checks-\d{8}-\d{4}\.csv$", download.SuggestedFilename);
        var records = CsvRecords.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Equal(301, records.Count);
        var header = records[0].Select(f => f.Text).ToList();
        Assert.All(records.Skip(1), r => Assert.Equal("ZA-GP", r[header.IndexOf("province")].Text));
        Assert.All(records.Skip(1), r => Assert.Matches(@"^\+27 82 \*\*\* \d{4}$", r[header.IndexOf("msisdn")].Text));
        await Expect(page).ToHaveURLAsync(new Regex("records/health-checks\\?province=ZA-GP$")); // the page stayed

        // The whole list (1,200 rows): a background job, followed on the Exports page to its download.
        await page.GotoAndWaitForCircuitAsync(app.Url("records/health-checks"));
        await page.GetByTestId("export-menu").Locator("button").ClickAsync();
        await page.GetByTestId("export-ndjson").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("runs in the background");
        await page.GotoAndWaitForCircuitAsync(app.Url("exports"));
        var job = page.Locator("tr[data-job]").First;
        await Expect(job).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 30_000 });
        await Expect(job.GetByTestId("job-rows")).ToHaveTextAsync("1,200 rows");
        var file = await page.RunAndWaitForDownloadAsync(() => job.GetByTestId("job-download").ClickAsync());
        var lines = (await File.ReadAllTextAsync(await file.PathAsync())).TrimEnd('\n').Split('\n');
        Assert.Equal(1200, lines.Length);
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"\+2782\d{7}"));

        // The direct download is a navigation the browser turns into a download: Chromium reports it as aborted.
        Assert.DoesNotContain(diagnostics.FailedRequests, r => !(r.Contains("/exports/download/") && r.Contains("ERR_ABORTED")));
    });
}
