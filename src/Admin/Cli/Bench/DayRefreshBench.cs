using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Spectre.Console;

namespace Admin.Cli.Bench;

/// <summary>
/// `bench --only dayrefresh`: one incremental rollup refresh after a day of new rows, in a warm process, as the
/// background service runs it (the `rollups` verb adds its own start-up, connection and JIT). Each run copies the
/// newest 24 hours of rows one day later (new ids and deduplication ids), times the refresh that counts them, then
/// deletes them and refreshes again, untimed. At the end the table is vacuumed with its indexes (<see cref="BenchRows.VacuumAsync"/>).
/// </summary>
public static class DayRefreshBench
{
    private const string Tag = "bench-day-";

    private static readonly string CopyNewestDay = BenchRows.Copy(
        """ "timestamp" > (SELECT max("timestamp") FROM health_checks) - interval '1 day' """.Trim(),
        new Dictionary<string, string>
        {
            ["id"] = "gen_random_uuid()",
            ["deduplication_id"] = $"'{Tag}' || gen_random_uuid()",
            ["timestamp"] = "\"timestamp\" + interval '1 day'",
            ["completed_timestamp"] = "\"completed_timestamp\" + interval '1 day'",
        });

    public static async Task RunAsync(IServiceProvider services, int runs, CancellationToken ct)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var refresher = HotspotServices.Refresher(services);
        await refresher.RefreshAsync(ct); // from rollups that are current, and a warm refresher

        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("run", "rows added", "refresh ms", "days recounted", "rollup rows written", "longest id held ms");
        var times = new List<double>();
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var rows = await ExecuteAsync(dataSource, CopyNewestDay, ct);
                var started = Stopwatch.GetTimestamp();
                var result = await refresher.RefreshAsync(ct);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                times.Add(ms);
                table.AddRow(run.ToString(CultureInfo.InvariantCulture), rows.ToString("N0", CultureInfo.InvariantCulture), BenchRunner.Ms(ms),
                    result.Days.Count.ToString(CultureInfo.InvariantCulture),
                    result.RowsWritten.ToString("N0", CultureInfo.InvariantCulture),
                    BenchRunner.Ms(result.WriteElapsed.TotalMilliseconds));
                await BenchRows.RemoveAsync(dataSource, Tag, ct);
                await refresher.RefreshAsync(ct);
            }
        }
        finally
        {
            await BenchRows.RemoveAsync(dataSource, Tag, CancellationToken.None); // an interrupted run leaves nothing behind
            await BenchRows.VacuumAsync(dataSource);
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"refresh after a day of new rows: p50 {BenchRunner.Ms(BenchRunner.Percentile([.. times], .5))} ms, max {BenchRunner.Ms(times.Max())} ms over {times.Count} runs.");
    }

    private static async Task<int> ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0; // a bench verb: the server's limit is the CLI's (none)
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
