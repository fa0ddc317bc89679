using Admin.Load.Circuits;
using Admin.Load.Running;

namespace Admin.Load.Tests;

/// <summary>What the harness must never count as a success: a circuit the server broke, a result that never shows.</summary>
[Collection(LoadCollection.Name)]
public sealed class FailureTests(LoadAppFixture app)
{
    [Fact]
    public async Task A_circuit_the_server_breaks_is_an_error_and_a_failed_circuit_never_a_success()
    {
        // The hotspots page throws on any call once its period is in the URL: the metric click after the period change.
        PlantedFault.UrlContains = "preset=";
        try
        {
            var options = LoadOptions.Parse(["--base", app.BaseAddress.ToString(), "--users", "1", "--mix", "manager=1", "--iterations", "1",
                "--think", "0.05-0.1", "--ramp-up", "0s", "--duration", "60s", "--timeout", "10s", "--create-users", "1", "--db", app.Database.ConnectionString, "--quiet"]);

            var result = await new LoadRunner(options).RunAsync(CancellationToken.None);

            // The circuit breaks on the first call once the period is in the URL: while the period's result is still on its
            // way or at the metric click. Whichever action was in flight is an error with no success, the circuit a failed
            // one, and nothing after it succeeds. (The server sends "JS.Error" and drops the socket; whichever the client
            // sees first names the error.)
            var broken = Assert.Single(result.Actions, a => a.ErrorsByKind.Keys.Any(k => k is nameof(FailureKind.CircuitTerminated) or nameof(FailureKind.Disconnect)));
            Assert.True(broken.Action is "hotspots.period" or "hotspots.metric", Report.Table(result));
            Assert.Equal(0, broken.Count);
            Assert.Equal(1, result.CircuitsFailed);
            Assert.DoesNotContain(result.Actions, a => a.Action == "hotspots.metric" && a.Count > 0);
            Assert.DoesNotContain(result.Actions, a => a.Action == "hotspots.drill" && a.Count > 0);
        }
        finally
        {
            PlantedFault.UrlContains = null;
        }
    }

    [Fact]
    public async Task Cells_the_map_cannot_fetch_are_an_error_and_the_page_never_counts_as_shown()
    {
        PlantedFetchFault.Armed = true;
        try
        {
            var options = LoadOptions.Parse(["--base", app.BaseAddress.ToString(), "--users", "1", "--mix", "manager=1", "--iterations", "1",
                "--think", "0.05-0.1", "--ramp-up", "0s", "--duration", "60s", "--timeout", "3s", "--create-users", "1", "--db", app.Database.ConnectionString, "--quiet"]);

            var result = await new LoadRunner(options).RunAsync(CancellationToken.None);

            // The page and its circuit are fine, but a browser would show no cells: the open never succeeds, and the
            // failed fetch is an error of its own.
            Assert.DoesNotContain(result.Actions, a => a.Action == "hotspots.open" && a.Count > 0);
            Assert.Contains(result.Actions, a => a.ErrorsByKind.ContainsKey(nameof(FailureKind.FetchFailed)));
            Assert.Contains(result.Actions, a => a.Action == "hotspots.open" && a.ErrorsByKind.ContainsKey(nameof(FailureKind.ExpectedMissing)));
        }
        finally
        {
            PlantedFetchFault.Armed = false;
        }
    }

    [Fact]
    public async Task An_expected_element_that_never_appears_fails_the_action()
    {
        await using var tab = await GridTab.OpenAsync(app, "missing");
        var circuit = tab.Circuit;
        var jumpStart = circuit.Query(d => d.ByTestId("jump-start"))!;

        var failure = await Assert.ThrowsAsync<CircuitFailureException>(() =>
            circuit.MeasureAsync(() => circuit.ClickAsync(jumpStart), d => d.Has("no-such-element"), TimeSpan.FromSeconds(2), "jump", CancellationToken.None));

        Assert.Equal(FailureKind.ExpectedMissing, failure.Kind);
        Assert.True(circuit.IsAlive); // the circuit itself is fine: only the expectation failed
    }

    [Fact]
    public async Task A_scroll_before_the_grid_is_observed_waits_for_observe_and_then_moves_the_grid()
    {
        await using var tab = await GridTab.OpenAsync(app, "unobserved");
        var circuit = tab.Circuit;
        var viewport = circuit.Js.Viewport!;
        const string module = "./_content/Admin.Components/keysetGrid.js.";
        var element = $"[{{\"__internalId\":\"{viewport.ElementId}\"}}]";
        // The grid's rows are on screen but its listeners are not attached yet (as when the rows win the race with observe()).
        circuit.Js.Answer(module + "release", element, 0, 0);
        var before = circuit.Query(d => d.Text("grid-position"));

        var scroll = circuit.MeasureAsync(() => circuit.ScrollGridAsync(2400),
            d => d.Text("grid-position") is { Length: > 0 } now && now != before, TimeSpan.FromSeconds(30), "scroll", CancellationToken.None);
        await Task.Delay(300);
        Assert.False(scroll.IsCompleted);

        circuit.Js.Answer(module + "observe", $"[{{\"__internalId\":\"{viewport.ElementId}\"}},{{\"__dotNetObject\":{viewport.DotNetObjectId}}}]", 0, 0);
        await scroll;
        Assert.NotEqual(before, circuit.Query(d => d.Text("grid-position")));
        Assert.Empty(tab.SoftErrors);
    }

    [Fact]
    public async Task A_viewport_report_racing_the_closing_tab_is_not_counted_as_an_error()
    {
        await using var tab = await GridTab.OpenAsync(app, "closing");
        var circuit = tab.Circuit;

        // One report in flight as the tab closes, one due on the next animation frame after the beacon freed the circuit
        // while the socket is still open: the server answers it "Circuit has been shut down due to error."
        var inFlight = circuit.ScrollGridAsync(200);
        await circuit.SendDisconnectBeaconAsync();
        circuit.ReportViewportSoon(circuit.Js.Viewport!);
        await Task.WhenAny(inFlight, Task.Delay(TimeSpan.FromSeconds(5)));
        await Task.Delay(500);

        Assert.Empty(tab.SoftErrors);
    }

    [Fact]
    public async Task A_viewport_report_crossing_the_grids_release_is_not_counted_but_one_to_a_live_grid_that_fails_is()
    {
        await using var tab = await GridTab.OpenAsync(app, "released");
        var circuit = tab.Circuit;

        // A new query replaces the grid (it is keyed by the address): the old one's JS object is released, then its
        // .NET object, so a report sent before the release reached this side is answered with a failure.
        var old = circuit.Js.Viewport!;
        var before = circuit.Query(d => d.GridComponentId);
        await circuit.MeasureAsync(() => circuit.NavigateAsync("records/health-checks?risk=high"),
            d => d.GridComponentId is { } g && g != before && d.GridSettled, TimeSpan.FromSeconds(30), "new grid", CancellationToken.None);
        Assert.True(old.Disposed);

        await Assert.ThrowsAnyAsync<Exception>(() => circuit.InvokeDotNetAsync(old.DotNetObjectId, "OnViewportChanged", old.ReportArgs, () => old.Disposed));
        await Task.Delay(200);
        Assert.Empty(tab.SoftErrors);

        // The same failure for an object this side still holds is the server's, and counts.
        await Assert.ThrowsAnyAsync<Exception>(() => circuit.InvokeDotNetAsync(old.DotNetObjectId, "OnViewportChanged", old.ReportArgs, () => false));
        await Task.Delay(200);
        Assert.Single(tab.SoftErrors);
    }

    /// <summary>An analyst of its own on the records grid, in a circuit of its own, its soft errors (those the harness counts against an action) kept.</summary>
    private sealed class GridTab(AnalystSession analyst, BlazorCircuit circuit) : IAsyncDisposable
    {
        public BlazorCircuit Circuit => circuit;
        public System.Collections.Concurrent.ConcurrentQueue<string> SoftErrors { get; } = new();

        public static async Task<GridTab> OpenAsync(LoadAppFixture app, string tag)
        {
            PlantedFault.UrlContains = null;
            var analyst = await AnalystSession.LogInAsync(app, tag);
            var circuit = await BlazorCircuit.StartAsync(analyst.Session, "records/health-checks", d => d.GridRows.Count > 0, TimeSpan.FromSeconds(30), CancellationToken.None);
            await circuit.Js.Observed.WaitAsync(TimeSpan.FromSeconds(30)); // the rows can come before the grid's listeners
            var tab = new GridTab(analyst, circuit);
            circuit.OnSoftError = (kind, message) => tab.SoftErrors.Enqueue($"{kind}: {message}");
            return tab;
        }

        public async ValueTask DisposeAsync()
        {
            await circuit.DisposeAsync();
            await analyst.DisposeAsync();
        }
    }
}
