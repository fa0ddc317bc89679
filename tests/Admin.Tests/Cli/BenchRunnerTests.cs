using Admin.Cli.Bench;

namespace Admin.Tests.Cli;

/// <summary>How the bench warms a scenario before timing it: enough runs for the JIT's tiers, never extra writes.</summary>
public class BenchRunnerTests
{
    [Fact]
    public async Task A_cheap_scenario_is_warmed_up_30_times_then_timed_and_prepared_before_each_run()
    {
        var (runs, prepared) = (0, 0);
        var scenario = new BenchScenario("g", "cheap", _ => { runs++; return Task.CompletedTask; }) { Prepare = _ => { prepared++; return Task.CompletedTask; } };

        var result = await BenchRunner.RunAsync(scenario, iterations: 5, naiveIterations: 0, CancellationToken.None);

        Assert.Equal(5, result.Ours.Length);
        Assert.Equal(30 + 5, runs);
        Assert.Equal(runs, prepared);
    }

    [Fact]
    public async Task A_scenario_that_writes_warms_up_once()
    {
        var runs = 0;
        var scenario = new BenchScenario("g", "writes", _ => { runs++; return Task.CompletedTask; }) { MaxIterations = 3 };

        var result = await BenchRunner.RunAsync(scenario, iterations: 30, naiveIterations: 0, CancellationToken.None);

        Assert.Equal(3, result.Ours.Length);
        Assert.Equal(1 + 3, runs);
    }

    [Fact]
    public async Task A_slow_scenario_stops_warming_after_the_warm_up_time()
    {
        var runs = 0;
        var scenario = new BenchScenario("g", "slow", async ct => { runs++; await Task.Delay(200, ct); });

        await BenchRunner.RunAsync(scenario, iterations: 1, naiveIterations: 0, CancellationToken.None);

        Assert.InRange(runs, 1 + 1, 2 + 1); // 0.3 s of warm-up holds at most two runs of 0.2 s
    }
}
