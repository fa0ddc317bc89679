using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Ui.Hotspots;

namespace Admin.Hosting;

public static class HotspotHostingExtensions
{
    /// <summary>The hotspot dashboard: rollup refresh in the background, cached hotspot queries, the province shapes.</summary>
    public static IHostApplicationBuilder AddAdminHotspots(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHotspots(builder.Configuration);
        builder.Services.AddHostedService<RollupRefreshService>();
        builder.Services.AddSingleton(ProvinceShapes.Load());
        // FusionCache narrates every cache call at Information; the app only needs its warnings (fail-safe, timeouts).
        builder.Logging.AddFilter("ZiggyCreatures.Caching.Fusion", LogLevel.Warning);
        return builder;
    }
}
