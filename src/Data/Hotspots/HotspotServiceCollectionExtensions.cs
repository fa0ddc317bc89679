using Admin.Data.Rollups;
using Admin.Data.Routing;
using Microsoft.Extensions.Logging;
using ZiggyCreatures.Caching.Fusion.Backplane;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Admin.Data.Hotspots;

public static class HotspotServiceCollectionExtensions
{
    /// <summary>Rollup refresh, hotspot queries and their cache; the background refresher is the host's choice (see the app's AddAdminHotspots).</summary>
    public static IServiceCollection AddHotspots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HotspotOptions>()
            .Bind(configuration.GetSection(HotspotOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HotspotOptions>, HotspotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // The refresher holds a session advisory lock: it connects past any transaction pooler (AdminDataSources.Direct).
        services.TryAddSingleton(sp => new RollupRefresher(sp.GetRequiredService<AdminDataSources>().Direct,
            sp.GetRequiredService<IOptions<HotspotOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RollupRefresher>>(),
            sp.GetService<Time.DisplayTimeZone>()));
        services.TryAddSingleton<HotspotInvalidation>();
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
            services.TryAddSingleton<IFusionCacheBackplane>(sp => new RedisBackplane(
                Options.Create(new RedisBackplaneOptions { Configuration = redis }), sp.GetService<ILogger<RedisBackplane>>()));
        services.TryAddSingleton<HotspotQueries>();
        services.TryAddSingleton<HotspotCache>();
        services.TryAddSingleton<HotspotDashboard>();
        return services;
    }
}
