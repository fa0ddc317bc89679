using System.Diagnostics;
using System.Globalization;
using Admin.Cli.Bench;
using Admin.Data.Rollups;
using Npgsql;

namespace Admin.Cli;

/// <summary>
/// <c>rollups</c>: refresh the hotspot rollups now (what the background service does every minute);
/// <c>rollups --rebuild</c>: recompute every day (after a bulk load or a backfill older than the late-arrival window);
/// <c>rollups --status</c>: the watermark and row counts;
/// <c>rollups --bench [--iterations N] [--naive-iterations N]</c>: time the hotspot bench scenarios (p50/p95, naive ratio)
/// until the shared bench verb runs them.
/// </summary>
public static class RollupsCommand
{
    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        if (args.Flag("status")) return await StatusAsync(services, ct);
        if (args.Flag("bench")) return await BenchAsync(services, (int)args.Long("iterations", 20, 1, 10_000), (int)args.Long("naive-iterations", 3, 0, 1_000), ct);

        var refresher = HotspotServices.Refresher(services);
        var result = args.Flag("rebuild") ? await refresher.RebuildAsync(ct) : await refresher.RefreshAsync(ct);
        if (!result.Ran)
        {
            Console.WriteLine("Another node is refreshing the rollups; nothing done.");
            return 0;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rollups {(result.FullRebuild ? "rebuilt" : "refreshed")} from {result.RecomputedFrom?.ToString("yyyy-MM-dd") ?? "the first day"}: " +
            $"{result.DistrictRows:N0} district rows, {result.CellRows:N0} cell rows in {result.Elapsed.TotalSeconds:0.000} s " +
            $"(newest check {result.HighWater?.ToString("u") ?? "none"})."));
        return 0;
    }

    private static async Task<int> StatusAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var cmd = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            SELECT w.high_water, w.recomputed_from, w.refreshed_at, w.rebuilt_at,
                   (SELECT count(*) FROM rollup_district_days), (SELECT count(*) FROM rollup_cell_days),
                   (SELECT min(day) FROM rollup_district_days), (SELECT max(day) FROM rollup_district_days)
            FROM (SELECT 1) one LEFT JOIN rollup_watermarks w ON w.name = 'health_checks'
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        string Text(int i) => r.IsDBNull(i) ? "-" : r.GetValue(i) switch
        {
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture)!,
        };
        Console.WriteLine($"Newest check counted: {Text(0)}");
        Console.WriteLine($"Last refresh:         {Text(2)} (recomputed from {Text(1)})");
        Console.WriteLine($"Last full rebuild:    {Text(3)}");
        Console.WriteLine($"District rows:        {Text(4)} ({Text(6)} .. {Text(7)})");
        Console.WriteLine($"Cell rows:            {Text(5)}");
        return 0;
    }

    private static async Task<int> BenchAsync(IServiceProvider services, int iterations, int naiveIterations, CancellationToken ct)
    {
        Console.WriteLine($"{"scenario",-32} {"ours p50",10} {"ours p95",10} {"naive p50",10} {"naive p95",10} {"ratio",8}");
        foreach (var s in HotspotScenarios.Create(services))
        {
            var ours = await TimeAsync(s.Ours, iterations, ct);
            (double P50, double P95)? naive = s.Naive is null || naiveIterations == 0 ? null : await TimeAsync(s.Naive, naiveIterations, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Name,-32} {Ms(ours.P50),10} {Ms(ours.P95),10} {Ms(naive?.P50),10} {Ms(naive?.P95),10} {(naive is null ? "" : $"{naive.Value.P50 / ours.P50:0}x"),8}"));
        }
        return 0;
    }

    // One warm-up run, then the timed ones; p95 is the nearest-rank percentile.
    private static async Task<(double P50, double P95)> TimeAsync(Func<CancellationToken, Task> run, int n, CancellationToken ct)
    {
        await run(ct);
        var samples = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            var clock = Stopwatch.StartNew();
            await run(ct);
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        double Rank(double q) => samples[Math.Clamp((int)Math.Ceiling(q * samples.Count) - 1, 0, samples.Count - 1)];
        return (Rank(0.5), Rank(0.95));
    }

    private static string Ms(double? ms) => ms is { } v ? v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms" : "";
}
