using Admin.Data.Hotspots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Rollups;

/// <summary>
/// Refreshes the rollups every <see cref="HotspotOptions.RefreshInterval"/> on every node; the refresher's advisory
/// lock makes the others skip while one works, so adding nodes adds no load on the database.
/// </summary>
public sealed class RollupRefreshService(RollupRefresher refresher, IOptions<HotspotOptions> options, TimeProvider time, ILogger<RollupRefreshService> logger,
    HotspotInvalidation? invalidation = null)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundRefresh) return;
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                var result = await refresher.RefreshAsync(stoppingToken);
                // Every node's hotspot cache (through the Redis backplane) shows the new counts, not just this one's.
                if (invalidation is not null) await invalidation.AfterRefreshAsync(result, stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                // The database is down or busy: the dashboard keeps serving its cache; try again next tick.
                logger.LogWarning(ex, "Rollup refresh failed; retrying in {Interval}.", options.Value.RefreshInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
