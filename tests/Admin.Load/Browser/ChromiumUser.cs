using System.Diagnostics;
using Admin.Load.Accounts;
using Admin.Load.Circuits;
using Admin.Load.Journeys;
using Admin.Load.Running;
using Microsoft.Playwright;

namespace Admin.Load.Browser;

/// <summary>
/// A real browser user among the virtual ones (<c>--chromium N</c>): Debian's headless Chromium, driven by Playwright,
/// clicks through the records grid while the circuits load the server, so what a person sees can be set beside what the
/// harness measures. Its actions are timed the same way (event to visible result) under names starting "chromium.".
/// With --iterations it makes that many passes, as the virtual users do.
/// </summary>
public sealed class ChromiumUser(Uri baseAddress, LoadAccount account, JourneyData data, ActionStats stats, LoadOptions options)
{
    private const string Rows = "tr.kg-row";

    // The circuit navigates inside the document (history.pushState). Playwright's WaitForURL missed some of those
    // navigations on a busy machine (the URL matched, the wait ran to its timeout), so the page itself is polled.
    private const string HasSearch = "want => new URLSearchParams(location.search).has('q') === want";

    public async Task RunAsync(IBrowser browser, Random random, CancellationToken ct)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)options.Timeout.TotalMilliseconds);
        await page.GotoAsync(new Uri(baseAddress, "account/login").ToString());
        await page.GetByTestId("login-user").FillAsync(account.UserName);
        await page.GetByTestId("login-password").FillAsync(account.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });

        for (var pass = 0; options.Iterations == 0 || pass < options.Iterations; pass++)
        {
            if (ct.IsCancellationRequested) return;
            try
            {
                await PassAsync(page, random, ct);
            }
            catch (Exception) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
            {
                // A failed step (page error, navigation refused) ends the pass as an error, never the run.
                stats.Error("chromium.pass", FailureKind.UnhandledException, "chromium: " + ex.Message.Split('\n')[0]);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private async Task PassAsync(IPage page, Random random, CancellationToken ct)
    {
        // Open: the page GET, then rows shown by a live circuit (data-interactive marks the circuit's render).
        if (!await TimeAsync(page, "chromium.open", async () =>
            {
                await page.GotoAsync(new Uri(baseAddress, "records/health-checks").ToString());
                await page.Locator("[data-interactive='true']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await page.Locator(Rows).First.WaitForAsync();
            })) return;
        await ThinkAsync(random, ct);

        for (var i = 0; i < 4; i++)
        {
            var before = await page.GetByTestId("grid-position").InnerTextAsync();
            var pixels = 1800 + random.Next(1200);
            await TimeAsync(page, "chromium.scroll", async () =>
            {
                await page.Locator(".kg-viewport").EvaluateAsync("(v, px) => v.scrollTop += px", pixels);
                await page.WaitForFunctionAsync(
                    "b => { const p = document.querySelector('[data-testid=grid-position]'); return p && p.innerText !== b && p.innerText.length > 0 && document.querySelector('tr.kg-row'); }",
                    before);
            });
            await Task.Delay(TimeSpan.FromMilliseconds(300 + random.Next(700)), ct);
        }
        await ThinkAsync(random, ct);

        var phone = data.Phone(random);
        var box = page.GetByTestId("search-box");
        await box.FillAsync(phone);
        await TimeAsync(page, "chromium.search-phone", async () =>
        {
            await box.PressAsync("Enter");
            await page.WaitForFunctionAsync(HasSearch, true);
            await page.Locator(Rows + ", .kg-message").First.WaitForAsync();
        });
        await ThinkAsync(random, ct);

        // Back to the plain list through the menu link, as a person does (the circuit navigates; no page load). The
        // search's rows stay on the page until the new grid replaces them, so the step waits for them to go: a click on
        // one in that moment lands on whatever replaced it (most likely the new grid's "Loading…" row), and a record
        // that never opens is the harness's race, not the app's (README, "Twelfth series").
        var searchRow = await page.QuerySelectorAsync(Rows);
        await TimeAsync(page, "chromium.menu", async () =>
        {
            await page.Locator("a.mud-nav-link[href='records/health-checks']").ClickAsync();
            await page.WaitForFunctionAsync(HasSearch, false);
            if (searchRow is not null) await page.WaitForFunctionAsync("row => !row.isConnected", searchRow);
            await page.Locator(Rows).First.WaitForAsync();
        });
        if (searchRow is not null) await searchRow.DisposeAsync();
        await TimeAsync(page, "chromium.open-record", async () =>
        {
            await page.Locator(Rows).Nth(random.Next(5)).ClickAsync();
            await page.GetByTestId("detail-fields").WaitForAsync();
        });
        await ThinkAsync(random, ct);
        // The record page has a grid of its own (the number's other checks): the list is back when the record has gone.
        await TimeAsync(page, "chromium.back", async () =>
        {
            await page.GoBackAsync();
            await page.GetByTestId("detail-fields").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await page.Locator(Rows).First.WaitForAsync();
        });
        await ThinkAsync(random, ct);
    }

    private async Task<bool> TimeAsync(IPage page, string action, Func<Task> act)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await act();
            stats.Record(action, clock.Elapsed);
            return true;
        }
        catch (TimeoutException ex)
        {
            stats.Error(action, FailureKind.ExpectedMissing, "chromium: " + await DescribeAsync(page, action, ex));
            return false;
        }
    }

    // What the page showed when a step timed out: the step Playwright was waiting in (the call log's last line), the
    // address, the rows and the record's fields present, and a screenshot beside the JSON. A lost step is rare under
    // load and cannot be re-run at will, so it has to say where it stopped.
    private async Task<string> DescribeAsync(IPage page, string action, TimeoutException ex)
    {
        var lines = ex.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var waitingIn = lines.Length > 1 ? "; last step: " + lines[^1] : "";
        try
        {
            var rows = await page.Locator(Rows).CountAsync();
            var detail = await page.GetByTestId("detail-fields").CountAsync();
            var shot = "";
            if (options.JsonPath is { } json)
            {
                var path = $"{Path.ChangeExtension(json, null)}.{action}.{DateTime.UtcNow:HHmmss}.png";
                await page.ScreenshotAsync(new() { Path = path, Timeout = 5000 });
                shot = "; screenshot " + path;
            }
            return $"{lines[0]}{waitingIn}; at {page.Url}, {rows} rows, {detail} record fields{shot}";
        }
        catch (PlaywrightException)
        {
            return lines[0] + waitingIn;
        }
    }

    private Task ThinkAsync(Random random, CancellationToken ct) => Task.Delay(options.Think(random), ct);
}
