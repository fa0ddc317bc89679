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

    private PageWork? _work;

    // The circuit navigates inside the document (history.pushState). Playwright's WaitForURL missed some of those
    // navigations on a busy machine (the URL matched, the wait ran to its timeout), so the page itself is polled.
    private const string HasSearch = "want => new URLSearchParams(location.search).has('q') === want";

    public async Task RunAsync(IBrowser browser, Random random, CancellationToken ct)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        _work = await PageWork.AttachAsync(context, page);
        await page.AddInitScriptAsync(Probe.OnEveryDocument(Ready));
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
        if (!await TimeAsync(page, "chromium.open", Probe.Navigation, "", null, async () =>
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
            const string Moved = "b => { const p = document.querySelector('[data-testid=grid-position]'); return p && p.innerText !== b && p.innerText.length > 0 && document.querySelector('tr.kg-row'); }";
            await TimeAsync(page, "chromium.scroll", "scroll", Moved, before, async () =>
            {
                await page.Locator(".kg-viewport").EvaluateAsync("(v, px) => v.scrollTop += px", pixels);
                await page.WaitForFunctionAsync(Moved, before);
            });
            await Task.Delay(TimeSpan.FromMilliseconds(300 + random.Next(700)), ct);
        }
        await ThinkAsync(random, ct);

        var phone = data.Phone(random);
        var box = page.GetByTestId("search-box");
        await box.FillAsync(phone);
        // The search's own result: the list's rows gone, the grid done loading, with rows or its message.
        const string Searched = "row => new URLSearchParams(location.search).has('q') && (!row || !row.isConnected) && document.querySelector('table[aria-busy=false] tr.kg-row, table[aria-busy=false] .kg-message')";
        var listRow = await page.QuerySelectorAsync(Rows);
        await TimeAsync(page, "chromium.search-phone", "keydown", Searched, listRow, async () =>
        {
            await box.PressAsync("Enter");
            await page.WaitForFunctionAsync(HasSearch, true);
            await page.Locator(Rows + ", .kg-message").First.WaitForAsync();
        });
        if (listRow is not null) await listRow.DisposeAsync();
        await ThinkAsync(random, ct);

        // Back to the plain list through the menu link, as a person does (the circuit navigates; no page load). The
        // search's rows stay on the page until the new grid replaces them, so the step waits for them to go: a click on
        // one in that moment lands on whatever replaced it (most likely the new grid's "Loading…" row), and a record
        // that never opens is the harness's race, not the app's (README, "Twelfth series").
        var searchRow = await page.QuerySelectorAsync(Rows);
        const string Listed = "row => !new URLSearchParams(location.search).has('q') && (!row || !row.isConnected) && document.querySelector('tr.kg-row')";
        await TimeAsync(page, "chromium.menu", "click", Listed, searchRow, async () =>
        {
            await page.Locator("a.mud-nav-link[href='records/health-checks']").ClickAsync();
            await page.WaitForFunctionAsync(HasSearch, false);
            if (searchRow is not null) await page.WaitForFunctionAsync("row => !row.isConnected", searchRow);
            await page.Locator(Rows).First.WaitForAsync();
        });
        if (searchRow is not null) await searchRow.DisposeAsync();
        await TimeAsync(page, "chromium.open-record", "click", "() => document.querySelector('[data-testid=detail-fields]')", null, async () =>
        {
            await page.Locator(Rows).Nth(random.Next(5)).ClickAsync();
            await page.GetByTestId("detail-fields").WaitForAsync();
        });
        await ThinkAsync(random, ct);
        await TimeAsync(page, "chromium.back", "popstate", "() => !document.querySelector('[data-testid=detail-fields]') && document.querySelector('tr.kg-row')", null, async () =>
        {
            await page.GoBackAsync();
            await page.GetByTestId("detail-fields").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await page.Locator(Rows).First.WaitForAsync();
        });
        await ThinkAsync(random, ct);
    }

    // The records page is ready: interactive, with rows.
    private const string Ready = "() => document.querySelector(\"[data-interactive='true']\") && document.querySelector('tr.kg-row')";

    /// <summary>
    /// Times an action the way its reader sees it, in the page: from the browser's input event (<paramref name="trigger"/>,
    /// its own timestamp) to the first frame after <paramref name="shown"/> holds, checked on every change to the page.
    /// Playwright's own round trips (finding, waiting, checking the element) fall outside it, as a person's aiming does;
    /// on a busy box they were most of what was measured. <paramref name="act"/> performs the action and waits for its
    /// result as before; an open is timed from the navigation's start (<see cref="Probe.Navigation"/>).
    /// </summary>
    private async Task<bool> TimeAsync(IPage page, string action, string trigger, string shown, object? arg, Func<Task> act)
    {
        try
        {
            var before = _work is null ? (PageWorkReading?)null : await _work.ReadAsync();
            if (trigger != Probe.Navigation) await page.EvaluateAsync(Probe.Arm(trigger, shown), arg);
            await act();
            var times = ProbeTimes.From(await page.EvaluateAsync<double[]>(Probe.Result, options.Timeout.TotalMilliseconds));
            stats.Record(action, TimeSpan.FromMilliseconds(times.Total));
            stats.RecordPart(action + " wire", TimeSpan.FromMilliseconds(times.Wire));
            stats.RecordPart(action + " page", TimeSpan.FromMilliseconds(times.Total - times.Wire));
            if (before is { } a && _work is not null && PageWorkReading.Between(a, await _work.ReadAsync()) is { } work)
            {
                stats.RecordPart(action + " page cpu", TimeSpan.FromMilliseconds(work.Tasks));
                stats.RecordPart(action + " page cpu: scripts", TimeSpan.FromMilliseconds(work.Scripts));
                stats.RecordPart(action + " page cpu: style+layout", TimeSpan.FromMilliseconds(work.StyleAndLayout));
            }
            return true;
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is PlaywrightException && ex.Message.Contains("probe timed out", StringComparison.Ordinal)))
        {
            stats.Error(action, FailureKind.ExpectedMissing, "chromium: " + await DescribeAsync(page, action, ex));
            return false;
        }
    }

    // What the page showed when a step timed out: the step Playwright was waiting in (the call log's last line), the
    // address, the rows and the record's fields present, and a screenshot beside the JSON. A lost step is rare under
    // load and cannot be re-run at will, so it has to say where it stopped.
    private async Task<string> DescribeAsync(IPage page, string action, Exception ex)
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
