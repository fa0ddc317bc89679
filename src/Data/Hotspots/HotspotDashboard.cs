using System.Globalization;

namespace Admin.Data.Hotspots;

/// <summary>What the hotspot page calls: <see cref="HotspotQueries"/> over the rollups, behind <see cref="HotspotCache"/>.</summary>
public sealed class HotspotDashboard(HotspotQueries queries, HotspotCache cache)
{
    public Task<Cached<HotspotSnapshot>> SnapshotAsync(HotspotPeriod period, CancellationToken ct = default) =>
        cache.GetOrComputeAsync(
            string.Create(CultureInfo.InvariantCulture, $"snapshot:{period.From:yyyy-MM-dd}:{period.To:yyyy-MM-dd}"),
            token => queries.SnapshotAsync(period, HotspotSource.Rollups, token),
            ct);

    public Task<Cached<DataExtent>> ExtentAsync(CancellationToken ct = default) =>
        cache.GetOrComputeAsync("extent", token => queries.ExtentAsync(HotspotSource.Rollups, token), ct);
}
