using System.Diagnostics;
using Admin.Data.Observability;
using System.Globalization;

namespace Admin.Data.Hotspots;

/// <summary>What the hotspot page calls: <see cref="HotspotQueries"/> over the rollups, behind <see cref="HotspotCache"/>.</summary>
public sealed class HotspotDashboard(HotspotQueries queries, HotspotCache cache)
{
    public async Task<Cached<HotspotSnapshot>> SnapshotAsync(HotspotPeriod period, CancellationToken ct = default)
    {
        using var activity = AdminTelemetry.StartInteraction("hotspot snapshot");
        activity?.SetTag("admin.period", string.Create(CultureInfo.InvariantCulture, $"{period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}"));
        var started = Stopwatch.GetTimestamp();
        var computed = false;
        try
        {
            return await cache.GetOrComputeAsync(
                string.Create(CultureInfo.InvariantCulture, $"snapshot:{period.From:yyyy-MM-dd}:{period.To:yyyy-MM-dd}"),
                token =>
                {
                    computed = true;
                    return queries.SnapshotAsync(period, HotspotSource.Rollups, token);
                },
                ct);
        }
        catch (Exception ex)
        {
            AdminTelemetry.Fail(activity, ex);
            throw;
        }
        finally
        {
            var cacheTag = computed ? "miss" : "hit";
            activity?.SetTag("admin.cache", cacheTag);
            AdminTelemetry.HotspotSnapshotDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "admin.cache", cacheTag } });
        }
    }

    public Task<Cached<DataExtent>> ExtentAsync(CancellationToken ct = default) =>
        cache.GetOrComputeAsync("extent", token => queries.ExtentAsync(HotspotSource.Rollups, token), ct);
}
