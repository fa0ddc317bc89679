using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Admin.Data.Feed;
using Admin.Data.Rollups;
using Npgsql;
using Spectre.Console;

namespace Admin.Cli.Bench;

/// <summary>
/// `bench --only feeddelay`: how long a row takes from its writer's commit to a change-feed client, while the rollups
/// refresh. A writer commits a row every 100 ms; a client follows the feed from its end, polling every 100 ms; first a
/// full rebuild runs, then incremental refreshes back to back. Delays are reported per phase (p50, p95, max). The rows
/// written are deleted afterwards and the rollups refreshed again.
/// </summary>
public static class FeedDelayBench
{
    private const string Tag = "bench-feeddelay-";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(IServiceProvider services, TimeSpan refreshPhase, CancellationToken ct)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var feed = new HealthCheckFeed(dataSource); // the primary, as the API reads the feed
        var refresher = HotspotServices.Refresher(services);

        var committed = new ConcurrentDictionary<string, long>();
        var delays = new ConcurrentBag<(string Phase, double Ms)>();
        var phase = "rebuild";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var start = await ApiScenarios.PositionAsync(dataSource, "DESC", 0, ct); // the feed's end
        var writer = WriteAsync(dataSource, start.Id, committed, stop.Token);
        var reader = FollowAsync(feed, start, committed, delays, () => phase, stop.Token);

        var rebuild = await refresher.RebuildAsync(ct);
        AnsiConsole.MarkupLine($"[grey]rebuild: {rebuild.Elapsed.TotalSeconds:0.0} s, longest transaction holding an id {rebuild.WriteElapsed.TotalMilliseconds:0} ms[/]");
        phase = "incremental refreshes";
        var refreshes = new List<RollupRefreshResult>();
        var until = Stopwatch.StartNew();
        while (until.Elapsed < refreshPhase)
            refreshes.Add(await refresher.RefreshAsync(ct));
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // the last rows reach the client
        await stop.CancelAsync();
        await Task.WhenAll(Quietly(writer), Quietly(reader));

        var table = new Table().Border(TableBorder.Simple).AddColumns("phase", "rows", "p50 ms", "p95 ms", "max ms", "longest id held ms");
        foreach (var (name, held) in new[] { ("rebuild", rebuild.WriteElapsed), ("incremental refreshes", refreshes.Count == 0 ? TimeSpan.Zero : refreshes.Max(r => r.WriteElapsed)) })
        {
            var ms = delays.Where(d => d.Phase == name).Select(d => d.Ms).ToArray();
            table.AddRow(name, ms.Length.ToString(CultureInfo.InvariantCulture),
                ms.Length == 0 ? "-" : BenchRunner.Ms(BenchRunner.Percentile(ms, .5)),
                ms.Length == 0 ? "-" : BenchRunner.Ms(BenchRunner.Percentile(ms, .95)),
                ms.Length == 0 ? "-" : BenchRunner.Ms(ms.Max()),
                BenchRunner.Ms(held.TotalMilliseconds));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{refreshes.Count} incremental refreshes; {committed.Count} rows written, {delays.Count} served; unserved: {committed.Count - delays.Count}.");

        await BenchRows.RemoveAsync(dataSource, Tag, ct);
        await refresher.RefreshAsync(ct);
        await BenchRows.VacuumAsync(dataSource);
    }

    private static async Task Quietly(Task task)
    {
        try { await task; }
        catch (OperationCanceledException) { }
    }

    /// <summary>A copy of a template row with its own id, deduplication id and time.</summary>
    private static readonly string Insert = BenchRows.Copy("id = @template", new Dictionary<string, string>
    {
        ["id"] = "gen_random_uuid()",
        ["deduplication_id"] = "@id",
        ["timestamp"] = "now()",
        ["completed_timestamp"] = "now()",
    });

    private static async Task WriteAsync(NpgsqlDataSource ds, Guid template, ConcurrentDictionary<string, long> committed, CancellationToken ct)
    {
        for (var n = 0; !ct.IsCancellationRequested; n++)
        {
            var id = Tag + n.ToString(CultureInfo.InvariantCulture);
            await using (var cmd = ds.CreateCommand(Insert))
            {
                cmd.Parameters.AddWithValue("id", id);
                cmd.Parameters.AddWithValue("template", template);
                await cmd.ExecuteNonQueryAsync(CancellationToken.None); // a write is never left half done
            }
            committed[id] = Stopwatch.GetTimestamp();
            await Task.Delay(Tick, ct);
        }
    }

    private static async Task FollowAsync(HealthCheckFeed feed, FeedPosition? after, ConcurrentDictionary<string, long> committed,
        ConcurrentBag<(string, double)> delays, Func<string> phase, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var page = await feed.ReadAsync(new FeedRequest(HealthCheckFeedFilter.None, after, 1000, 20_000), ct);
            var now = Stopwatch.GetTimestamp();
            foreach (var row in page.Rows)
                if (row.DeduplicationId is { } id && committed.TryGetValue(id, out var at))
                    delays.Add((phase(), Stopwatch.GetElapsedTime(at, now).TotalMilliseconds));
            after = page.Next ?? after;
            if (!page.HasMore) await Task.Delay(Tick, ct);
        }
    }
}
