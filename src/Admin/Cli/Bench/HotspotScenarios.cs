using Admin.Data.Hotspots;

namespace Admin.Cli.Bench;

/// <summary>
/// The hotspot page's server time: ours reads the rollups (uncached: the cache would make it free), naive runs the
/// same SQL as a direct GROUP BY over health_checks. Periods end on the newest day with data. Plus the incremental
/// rollup refresh, which recounts only the days changed since the last one: repeated here, it finds none after the
/// first run and measures what a refresh costs when nothing is new (a day of new rows: docs/scale.md).
/// </summary>
public static class HotspotScenarios
{
    public static IEnumerable<BenchScenario> Create(IServiceProvider services)
    {
        var queries = HotspotServices.Queries(services);
        var refresher = HotspotServices.Refresher(services);
        // Resolved on first use, so listing the scenarios costs no query.
        var lastDay = new Lazy<Task<DateOnly>>(async () =>
            (await queries.ExtentAsync(HotspotSource.Rollups)).LastDay
            ?? throw new InvalidOperationException("The rollups are empty: run `rollups --rebuild` first."));

        Func<CancellationToken, Task> Page(int days, HotspotSource source) => async ct =>
            await queries.SnapshotAsync(HotspotPeriod.Ending(await lastDay.Value, days), source, ct);

        yield return new("Hotspots", "page data, 7 days", Page(7, HotspotSource.Rollups), Page(7, HotspotSource.BaseTable));
        yield return new("Hotspots", "page data, 28 days", Page(28, HotspotSource.Rollups), Page(28, HotspotSource.BaseTable));
        yield return new("Hotspots", "page data, 90 days", Page(90, HotspotSource.Rollups), Page(90, HotspotSource.BaseTable));
        // A year over the base table takes tens of seconds at 20M rows: ours only.
        yield return new("Hotspots", "page data, 365 days", Page(365, HotspotSource.Rollups));
        yield return new("Hotspots", "incremental rollup refresh", async ct => await refresher.RefreshAsync(ct));
    }
}
