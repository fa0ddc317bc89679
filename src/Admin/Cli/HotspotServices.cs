using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Cli;

/// <summary>
/// The hotspot services for verbs: the CLI host registers only the data services, so these are taken from the
/// container when present (the web host) and built from configuration otherwise.
/// </summary>
internal static class HotspotServices
{
    public static IOptions<HotspotOptions> Options(IServiceProvider services) =>
        services.GetService<IOptions<HotspotOptions>>()
        ?? Microsoft.Extensions.Options.Options.Create(
            services.GetRequiredService<IConfiguration>().GetSection(HotspotOptions.Section).Get<HotspotOptions>() ?? new HotspotOptions());

    public static RollupRefresher Refresher(IServiceProvider services) =>
        services.GetService<RollupRefresher>()
        ?? new RollupRefresher(services.GetRequiredService<NpgsqlDataSource>(), Options(services), TimeProvider.System, services.GetRequiredService<ILogger<RollupRefresher>>(),
            services.GetRequiredService<Admin.Data.Time.DisplayTimeZone>());

    public static HotspotQueries Queries(IServiceProvider services) =>
        services.GetService<HotspotQueries>()
        ?? new HotspotQueries(services.GetRequiredService<NpgsqlDataSource>(), Options(services), TimeProvider.System,
            services.GetRequiredService<Admin.Data.Time.DisplayTimeZone>());
}
