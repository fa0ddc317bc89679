using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Admin.Load.Running;
using Microsoft.JSInterop;
using Admin.Testing;

namespace Admin.Load.Tests;

/// <summary>
/// Five virtual users with real circuits through every journey against the app on a small database: each action must
/// have seen its expected result in the render tree (no error, no failed circuit), and the users made for the run are
/// gone afterwards. Each user makes its journey twice in one tab, so the second starts from the menu.
/// </summary>
[Collection(LoadCollection.Name)]
public sealed class JourneyTests(LoadAppFixture app)
{
    private static readonly string[] EveryAction =
    [
        "records.open", "records.filter-province", "records.filter-risk", "records.menu", "records.search-phone", "records.search-kind",
        "records.search-prefix", "records.scroll", "records.jump-date", "records.open-record", "records.back",
        "hotspots.open", "hotspots.period", "hotspots.metric", "hotspots.drill", "hotspots.menu",
        "audit.open", "audit.search", "audit.open-entry", "audit.back", "edit.open", "edit.save", "audit.menu",
    ];

    [Fact]
    public async Task Five_users_pass_through_every_journey_and_see_each_result()
    {
        PlantedFault.UrlContains = null;
        var options = LoadOptions.Parse(["--base", app.BaseAddress.ToString(), "--users", "5", "--mix", "analyst=2,manager=2,admin=1",
            "--iterations", "2", "--tab-journeys", "0", "--think", "0.05-0.2", "--ramp-up", "1s", "--duration", "120s", "--timeout", "20s",
            "--create-users", "1", "--db", app.Database.ConnectionString, "--edits", "--quiet", "--app-metrics", app.MetricsAddress.ToString()]);

        // The app runs in this process: a JS call the harness answers as no browser would fails there as a JSException
        // (caught inside the component that made it, so it is no error of the run, but work a browser never causes).
        var jsFailures = new ConcurrentQueue<string>();
        void Note(object? _, FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is JSException) jsFailures.Enqueue(e.Exception.Message);
        }
        AppDomain.CurrentDomain.FirstChanceException += Note;
        LoadResult result;
        try
        {
            result = await new LoadRunner(options).RunAsync(CancellationToken.None);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Note;
        }

        Assert.True(result.Errors == 0, Report.Table(result) + "\n" + app.ServerErrors);
        Assert.Equal(0, result.CircuitsFailed);
        Assert.Equal(5, result.CircuitsStarted);
        Assert.Empty(jsFailures.Distinct());
        var seen = result.Actions.Where(a => a.Count > 0).Select(a => a.Action).ToHashSet();
        Assert.All(EveryAction, a => Assert.Contains(a, seen));
        // Every action saw its result in a render batch of its own, and each batch has its bytes counted.
        Assert.True(result.RenderBatches >= result.CircuitActions, $"{result.RenderBatches} batches for {result.CircuitActions} actions");
        Assert.True(result.RenderBytes > 100 * result.RenderBatches, $"{result.RenderBytes} bytes in {result.RenderBatches} batches");
        // The timeline holds every timed action once, in windows from the start.
        Assert.Equal(result.Actions.Sum(a => a.Count), result.Timeline.Sum(w => w.Actions));
        Assert.Equal(Enumerable.Range(0, result.Timeline.Count).Select(i => i * 10), result.Timeline.Select(w => w.Second));
        Assert.Equal(result.Actions.Max(a => a.Max ?? 0), result.Timeline.Max(w => w.MaxMs), 0.5);
        // The app's GC, read from its metrics endpoint: the windows' pauses add up to the run's (each window rounded to a ms).
        var gc = Assert.IsType<AppGcFigures>(result.AppGc);
        Assert.True(gc.Gen0 >= 0 && gc.Gen1 >= 0 && gc.Gen2 >= 0 && gc.PauseSeconds >= 0, gc.ToString());
        Assert.Equal(gc.PauseSeconds * 1000, result.Timeline.Sum(w => w.AppGcPauseMs), result.Timeline.Count + 10.0);
        Assert.Equal(0L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM users WHERE user_name LIKE 'load-%'"));
    }

    [Fact]
    public async Task A_real_chromium_user_clicks_through_the_grid_beside_the_virtual_ones()
    {
        PlantedFault.UrlContains = null;
        // As root (CI) the launcher script starts the browser (setpriv); no niceness here: beside the other suites on a
        // busy box a niced browser once missed its login's 20 s.
        var options = LoadOptions.Parse(["--base", app.BaseAddress.ToString(), "--users", "1", "--mix", "analyst=1", "--chromium", "1",
            "--iterations", "1", "--think", "0.05-0.2", "--ramp-up", "1s", "--duration", "120s", "--timeout", "20s",
            "--create-users", "1", "--db", app.Database.ConnectionString, "--quiet"]);

        var result = await new LoadRunner(options).RunAsync(CancellationToken.None);

        Assert.True(result.Errors == 0, Report.Table(result) + "\n" + app.ServerErrors);
        var seen = result.Actions.Where(a => a.Count > 0).Select(a => a.Action).ToHashSet();
        Assert.All(["chromium.open", "chromium.scroll", "chromium.search-phone", "chromium.menu", "chromium.open-record", "chromium.back"],
            a => Assert.Contains(a, seen));
        Assert.Equal(4, result.Actions.Single(a => a.Action == "chromium.scroll").Count);

        // Each of its actions split into the wire and the page: one of each per action, every action waiting on the
        // server for some of its time (each asks the circuit for rows or a record), and neither part longer than the whole.
        foreach (var action in result.Actions.Where(a => a.Action.StartsWith("chromium.", StringComparison.Ordinal)))
        {
            var wire = result.Parts.Single(p => p.Action == action.Action + " wire");
            var page = result.Parts.Single(p => p.Action == action.Action + " page");
            Assert.Equal(action.Count, wire.Count);
            Assert.Equal(action.Count, page.Count);
            Assert.True(wire.Max > 0 && wire.Max <= action.Max && page.P50 >= 0 && page.Max <= action.Max, Report.Table(result));
        }
        // And the page's main-thread CPU over each action within one document (an open may change renderer): some work
        // in every one, its scripts part of it.
        foreach (var action in result.Actions.Where(a => a.Action.StartsWith("chromium.", StringComparison.Ordinal) && a.Action != "chromium.open"))
        {
            var cpu = result.Parts.Single(p => p.Action == action.Action + " page cpu");
            var scripts = result.Parts.Single(p => p.Action == action.Action + " page cpu: scripts");
            Assert.Equal(action.Count, cpu.Count);
            Assert.True(cpu.P50 > 0 && scripts.Max > 0 && scripts.Max <= cpu.Max, Report.Table(result));
        }
    }

    [Fact]
    public async Task Browser_users_run_alone_with_an_analyst_account_made_for_them()
    {
        PlantedFault.UrlContains = null;
        var options = LoadOptions.Parse(["--base", app.BaseAddress.ToString(), "--users", "0", "--mix", "manager=1", "--chromium", "1",
            "--iterations", "1", "--think", "0.05-0.2", "--duration", "120s", "--timeout", "20s",
            "--create-users", "1", "--db", app.Database.ConnectionString, "--quiet"]);

        var result = await new LoadRunner(options).RunAsync(CancellationToken.None);

        Assert.True(result.Errors == 0, Report.Table(result) + "\n" + app.ServerErrors);
        Assert.Equal(0, result.CircuitsStarted); // no virtual user
        Assert.Equal(1, result.Actions.Single(a => a.Action == "chromium.open-record").Count);
    }

    [Fact]
    public async Task Priming_passes_each_journey_once_before_the_clock_and_counts_none_of_it()
    {
        PlantedFault.UrlContains = null;
        var options = LoadOptions.Parse(["--base", app.BaseAddress.ToString(), "--users", "2", "--mix", "analyst=1,manager=1", "--prime",
            "--iterations", "1", "--think", "0.05-0.2", "--ramp-up", "1s", "--duration", "120s", "--timeout", "20s",
            "--create-users", "1", "--db", app.Database.ConnectionString, "--quiet"]);
        var progress = new StringWriter();

        var result = await new LoadRunner(options, progress).RunAsync(CancellationToken.None);

        Assert.True(result.Errors == 0, Report.Table(result) + "\n" + app.ServerErrors);
        // The pass opened a circuit per journey and acted in it, but the run counts only its own two users.
        var primed = System.Text.RegularExpressions.Regex.Match(progress.ToString(), @"primed: (\d+) actions, 0 errors");
        Assert.True(primed.Success, progress.ToString());
        Assert.True(int.Parse(primed.Groups[1].Value) >= 2 * 4, progress.ToString());
        Assert.Equal(2, result.CircuitsStarted);
        Assert.Equal(1, result.Actions.Single(a => a.Action == "records.open").Count);
        Assert.Equal(1, result.Actions.Single(a => a.Action == "hotspots.open").Count);
        Assert.Equal(result.Actions.Sum(a => a.Count), result.Timeline.Sum(w => w.Actions));
    }
}

[CollectionDefinition(Name)]
public sealed class LoadCollection : ICollectionFixture<LoadAppFixture>
{
    public const string Name = "load";
}
