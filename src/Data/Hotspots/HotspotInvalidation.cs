using Admin.Data.Rollups;
using Admin.Data.Routing;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Hotspots;

/// <summary>
/// After a rollup refresh wrote something, every node's hotspot cache is expired (<see cref="HotspotCache.InvalidateAsync"/>,
/// through the backplane). With a standby serving the dashboard's reads, that waits (briefly) until the standby has
/// replayed the refresh, or the nodes would recompute from the rows before it and cache those.
/// </summary>
public sealed class HotspotInvalidation(HotspotCache cache, AdminDataSources sources, ReplicaMonitor monitor)
{
    public static readonly TimeSpan ReplayWait = TimeSpan.FromSeconds(5);

    public async Task AfterRefreshAsync(RollupRefreshResult result, CancellationToken ct = default)
    {
        if (!result.Ran || result.RowsWritten == 0 && !result.FullRebuild) return;
        if (sources.Replica is not null)
        {
            try
            {
                await using var cmd = sources.Primary.CreateCommand("SELECT pg_current_wal_insert_lsn()");
                var lsn = (NpgsqlLogSequenceNumber)(await cmd.ExecuteScalarAsync(ct))!;
                await monitor.WaitForReplayAsync(lsn, ReplayWait, ct);
            }
            catch (NpgsqlException)
            {
                // The primary is unreachable right after it committed the refresh: expire the caches anyway.
            }
        }
        await cache.InvalidateAsync(ct);
    }
}
