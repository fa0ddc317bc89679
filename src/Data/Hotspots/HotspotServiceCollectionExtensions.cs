using Admin.Data.Rollups;
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
        services.TryAddSingleton<RollupRefresher>();
        services.TryAddSingleton<HotspotQueries>();
        services.TryAddSingleton<HotspotCache>();
        services.TryAddSingleton<HotspotDashboard>();
        return services;
    }
}
