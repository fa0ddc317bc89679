using System.CommandLine;
using System.Globalization;
using Admin.Data.Rollups;
using Npgsql;

namespace Admin.Cli;

/// <summary>
/// <c>rollups</c>: refresh the hotspot rollups now (what the background service does every minute);
/// <c>rollups --rebuild</c>: recompute every day (after changing the grid, or to check the incremental refresh against a full count);
/// <c>rollups --status</c>: the watermark and row counts. (Timing: <c>bench --only Hotspots</c>.)
/// </summary>
public static class RollupsCommand
{
    private static readonly Option<bool> Rebuild = CommandArgs.Flag("--rebuild", "Recompute every day instead of an incremental refresh.");
    private static readonly Option<bool> Status = CommandArgs.Flag("--status", "Print the watermark and row counts; change nothing.");

    public static Verb Verb { get; } = new(new Command("rollups", "Refresh the hotspot rollups once (what the app does every minute).") { Rebuild, Status }, RunAsync);

    public static async Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        if (args.Get(Status)) return await StatusAsync(services, ct);

        var refresher = HotspotServices.Refresher(services);
        var result = args.Get(Rebuild) ? await refresher.RebuildAsync(ct) : await refresher.RefreshAsync(ct);
        if (!result.Ran)
        {
            Console.WriteLine("Another node is refreshing the rollups; nothing done.");
            return 0;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rollups {(result.FullRebuild ? "rebuilt, every day recounted" : $"refreshed, {Days(result.Days)}")}: " +
            $"{result.DistrictRows:N0} district, {result.DistrictMonthRows:N0} district-month, {result.DayTotalRows:N0} day-total, {result.CellRows:N0} cell and {result.MonthToDateRows:N0} month-to-date rows written" +
            $"{(result.CellPeriods > 0 ? $", the map cells of {result.CellPeriods} preset periods summed ahead," : "")} in {result.Elapsed.TotalSeconds:0.000} s " +
            $"(no transaction held an id longer than {result.WriteElapsed.TotalSeconds:0.000} s) " +
            $"(newest check {result.HighWater?.ToString("u") ?? "none"})."));
        return 0;
    }

    private static string Days(IReadOnlyList<DateOnly> days) => days.Count switch
    {
        0 => "nothing changed, no day recounted",
        1 => string.Create(CultureInfo.InvariantCulture, $"1 changed day recounted ({days[0]:yyyy-MM-dd})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{days.Count} changed days recounted ({days[0]:yyyy-MM-dd} .. {days[^1]:yyyy-MM-dd})"),
    };

    private static async Task<int> StatusAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var cmd = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            SELECT w.high_water, w.recomputed_from, w.refreshed_at, w.rebuilt_at,
                   (SELECT count(*) FROM rollup_district_days), (SELECT count(*) FROM rollup_cell_days),
                   (SELECT min(day) FROM rollup_district_days), (SELECT max(day) FROM rollup_district_days), w.time_zone
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
        // A refresh under another Display:TimeZone rebuilds them in its days.
        Console.WriteLine($"Days counted in:      {Text(8)} (Display:TimeZone: {services.GetRequiredService<Admin.Data.Time.DisplayTimeZone>().Id})");
        Console.WriteLine($"Cell rows:            {Text(5)}");
        return 0;
    }
}
