using System.CommandLine;
using System.Globalization;
using Admin.Cli.Bench;
using Admin.Data;
using Admin.Data.Listing;
using Admin.Data.Routing;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Admin.Cli;

/// <summary>
/// `bench`: the UI's scenarios on the configured database, through the same services, with p50/p95 per scenario and,
/// side by side in the same run, the naive way and the ratio naive/ours.
/// </summary>
public static class BenchCommand
{
    private static readonly Option<long> Iterations = CommandArgs.Whole("--iterations", "Runs of each scenario, ours.", 30, 1, 10_000);
    private static readonly Option<long> NaiveIterations = CommandArgs.Whole("--naive-iterations", "Runs of the naive way.", 3, 0, 1_000);
    private static readonly Option<string?> Only = OnlyOption();
    private static readonly Option<string?> Match = CommandArgs.Text("--match", "Only scenarios whose name contains this text.", "TEXT");
    private static readonly Option<string?> ColdCommand = CommandArgs.Text("--cold-command",
        "Cold runs: after each scenario's warm-up, run this shell command (restart PostgreSQL, drop the OS page cache: scripts/pg-cold.sh), empty the connection pool, then time one run.",
        "COMMAND");
    private static readonly Option<bool> WarmPool = CommandArgs.Flag("--warm-pool",
        "With --cold-command: after emptying the pool, warm it as the web host does at start-up (Database:WarmConnections connections, each list's first page on each), then time the run.");

    public static Verb Verb { get; } = new(Command(), RunAsync);

    private static Command Command()
    {
        var command = new Command("bench", "Time what the UI does, beside the naive way: p50/p95 and the ratio.") { Iterations, NaiveIterations, Only, Match, ColdCommand, WarmPool };
        command.Validators.Add(r =>
        {
            if (r.GetValue(WarmPool) && r.GetValue(ColdCommand) is null)
                r.AddError("--warm-pool needs --cold-command (it warms the pool the cold command emptied).");
        });
        return command;
    }

    private static Option<string?> OnlyOption()
    {
        var option = CommandArgs.Text("--only", "One group of scenarios.", "GROUP");
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "grid", "filter", "search", "count", "hotspots", "api", "export", "rollcount", "facets", "feeddelay", "dayrefresh");
        return option;
    }

    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        var iterations = (int)args.Get(Iterations);
        var naiveIterations = (int)args.Get(NaiveIterations);
        var only = args.Get(Only);
        var match = args.Get(Match);
        var cold = args.Get(ColdCommand);
        var warmPool = args.Get(WarmPool);
        Func<CancellationToken, Task>? makeCold = cold is null ? null : c => MakeColdAsync(cold, warmPool, services, c);
        if (cold is not null) (iterations, naiveIterations) = (1, 0);
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160; // keep rows on one line in logs

        AnsiConsole.MarkupLine($"[grey]machine load before: {Markup.Escape(LoadAverage())}[/]");
        AnsiConsole.MarkupLine($"[grey]code: {Markup.Escape(JitMode())}[/]");
        // Not a repeated scenario: it writes rows and rebuilds the rollups, so only when asked for.
        if (string.Equals(only, "feeddelay", StringComparison.OrdinalIgnoreCase))
        {
            await FeedDelayBench.RunAsync(services, TimeSpan.FromSeconds(30), ct);
            AnsiConsole.MarkupLine($"machine load after: {Markup.Escape(LoadAverage())}");
            return 0;
        }
        // Writes and deletes a day of rows: only when asked for.
        if (string.Equals(only, "dayrefresh", StringComparison.OrdinalIgnoreCase))
        {
            await DayRefreshBench.RunAsync(services, Math.Min(iterations, 10), ct);
            AnsiConsole.MarkupLine($"machine load after: {Markup.Escape(LoadAverage())}");
            return 0;
        }
        bool Wanted(string group) => only is null || group.Equals(only, StringComparison.OrdinalIgnoreCase);
        var scenarios = new List<BenchScenario>();
        if (Wanted("grid") || Wanted("filter") || Wanted("search") || Wanted("count"))
            scenarios.AddRange(await GridScenarios.CreateAsync(services, ct));
        if (Wanted("rollcount"))
            scenarios.AddRange(await RollupCountScenarios.CreateAsync(services, ct));
        if (Wanted("facets"))
            scenarios.AddRange(FacetTimelineScenarios.Create(services));
        scenarios.AddRange(HotspotScenarios.Create(services));
        // The API scenarios start the API on a loopback port (and post rows they delete again): only when asked for or running all.
        await using var api = Wanted("api") ? await ApiBenchHost.StartAsync(services, ct) : null;
        if (api is not null)
            scenarios.AddRange(await ApiScenarios.CreateAsync(api, services, ct));
        scenarios.AddRange(await ExportScenarios.CreateAsync(services, ct));
        if (only is not null)
            scenarios = scenarios.Where(s => s.Group.Equals(only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match is not null)
            scenarios = scenarios.Where(s => s.Name.Contains(match, StringComparison.OrdinalIgnoreCase)).ToList();

        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("group", "scenario", "ours p50 ms", "ours p95 ms", "naive p50 ms", "naive p95 ms", "naive/ours (p50)");
        var results = new List<BenchRunner.Result>();
        // A process's first cold run takes ~60 ms more than its later ones, whichever scenario it is (grid first page:
        // 95 ms, and 62 with the pool warmed, while the server logged under 1 ms for its statements), and the same
        // scenario run later takes 4-9 ms: a one-off of the client process, not of the database. One run is thrown away.
        if (makeCold is not null && scenarios.Count > 0)
            await BenchRunner.RunAsync(scenarios[0], 1, 0, ct, makeCold);
        foreach (var s in scenarios)
        {
            AnsiConsole.MarkupLine($"[grey]running {Markup.Escape(s.Group)} / {Markup.Escape(s.Name)}…[/]");
            var r = await BenchRunner.RunAsync(s, iterations, naiveIterations, ct, makeCold);
            results.Add(r);
            var p50 = BenchRunner.Percentile(r.Ours, .5);
            var naive50 = r.Naive is null ? (double?)null : BenchRunner.Percentile(r.Naive, .5);
            table.AddRow(s.Group, s.Name, BenchRunner.Ms(p50), BenchRunner.Ms(BenchRunner.Percentile(r.Ours, .95)),
                naive50 is null ? "-" : BenchRunner.Ms(naive50.Value),
                r.Naive is null ? "-" : BenchRunner.Ms(BenchRunner.Percentile(r.Naive, .95)),
                naive50 is null ? "-" : (naive50.Value / p50).ToString("0", CultureInfo.InvariantCulture) + "x");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"machine load after: {Markup.Escape(LoadAverage())}");
        var worst = results.MaxBy(r => BenchRunner.Percentile(r.Ours, .95));
        if (worst is not null)
            AnsiConsole.MarkupLine($"slowest p95 (ours): {Markup.Escape(worst.Scenario.Group)} / {Markup.Escape(worst.Scenario.Name)} = {BenchRunner.Ms(BenchRunner.Percentile(worst.Ours, .95))} ms; {iterations} runs each, naive {naiveIterations}{(cold is null ? "" : ", each the first after the cold command")}.");
        return 0;
    }

    /// <summary>
    /// Runs the cold command and drops every pooled connection, so the timed run opens a new one to a server that has
    /// nothing cached; the app's own code is warm (the scenario ran once before), as in a long-running node. With
    /// <paramref name="warmPool"/>, the pool is then warmed as the web host warms it at start-up.
    /// </summary>
    private static async Task MakeColdAsync(string command, bool warmPool, IServiceProvider services, CancellationToken ct)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", command]))
            ?? throw new InvalidOperationException($"Could not start the cold command: {command}");
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"The cold command failed (exit code {process.ExitCode}): {command}");
        foreach (var dataSource in services.GetServices<Npgsql.NpgsqlDataSource>())
            dataSource.Clear();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (warmPool)
            await PoolWarmup.WarmAsync(services.GetRequiredService<AdminDataSources>().Primary,
                services.GetRequiredService<IOptions<DatabaseOptions>>().Value.WarmConnections, services.GetRequiredService<TableRegistry>(), ct);
    }

    // A fresh process runs each code path unoptimized (then instrumented) for thousands of calls before the JIT's last
    // tier: a 101-row grid window measured 2.2 ms over its first 1,000 calls and 0.98 ms over its fourth 1,000.
    private static string JitMode() =>
        (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? Environment.GetEnvironmentVariable("COMPlus_TieredCompilation")) == "0"
            ? "optimized from the first call (DOTNET_TieredCompilation=0), as a warmed-up server runs it"
            : "tiered JIT: the first thousands of calls of each path run unoptimized code; DOTNET_TieredCompilation=0 times the code a warmed-up server runs";

    /// <summary>The 1, 5 and 15 minute load averages (Linux), to read the figures against: the machine is shared.</summary>
    private static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average {parts[0]}, {parts[1]}, {parts[2]} on {Environment.ProcessorCount} cores";
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }
}
