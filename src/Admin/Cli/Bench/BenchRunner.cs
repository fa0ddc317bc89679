using System.Diagnostics;
using System.Globalization;

namespace Admin.Cli.Bench;

/// <summary>Times each scenario in turn (warmed up first), ours many times and the naive way a few, and reports p50/p95.</summary>
public static class BenchRunner
{
    public sealed record Result(BenchScenario Scenario, double[] Ours, double[]? Naive);

    /// <param name="makeCold">Run after the warm-up and before each timed run (bench --cold-command): the runs are then cold for the database only.</param>
    public static async Task<Result> RunAsync(BenchScenario s, int iterations, int naiveIterations, CancellationToken ct, Func<CancellationToken, Task>? makeCold = null)
    {
        if (s.Prepare is not null) await s.Prepare(ct);
        await WarmUpAsync(s, ct);
        var before = makeCold is null ? s.Prepare : async c => { await makeCold(c); if (s.Prepare is not null) await s.Prepare(c); };
        var ours = await TimeAsync(s.Ours, Math.Min(iterations, s.MaxIterations ?? int.MaxValue), ct, before);
        double[]? naive = null;
        if (s.Naive is not null && naiveIterations > 0)
        {
            await s.Naive(ct);
            naive = await TimeAsync(s.Naive, naiveIterations, ct);
        }
        return new Result(s, ours, naive);
    }

    /// <summary>The runtime recompiles a method optimized after 30 calls, in the background.</summary>
    private const int WarmUpRuns = 30;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromMilliseconds(300);

    // Plans cached, pages in memory, and the code past the JIT's first tiers: one warm-up run left a cheap scenario
    // timed half-jitted, so a scenario that ran first in a process measured up to 3x what it did later. Runs repeat
    // until 30 or 0.3 s; a heavy one (a 10,000-row POST) and one that writes (a capped one) warm once.
    private static async Task WarmUpAsync(BenchScenario s, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await s.Ours(ct);
        for (var i = 1; i < WarmUpRuns && s.MaxIterations is null && clock.Elapsed < WarmUpTime; i++)
        {
            if (s.Prepare is not null) await s.Prepare(ct);
            await s.Ours(ct);
        }
    }

    private static async Task<double[]> TimeAsync(Func<CancellationToken, Task> run, int n, CancellationToken ct, Func<CancellationToken, Task>? prepare = null)
    {
        var times = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (prepare is not null) await prepare(ct);
            var sw = Stopwatch.StartNew();
            await run(ct);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        return times;
    }

    public static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[rank];
    }

    public static string Ms(double ms) => ms < 10 ? ms.ToString("0.00", CultureInfo.InvariantCulture) : ms.ToString("0", CultureInfo.InvariantCulture);
}
