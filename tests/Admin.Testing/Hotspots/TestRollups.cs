using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Testing.Hotspots;

/// <summary>The rollup refresher as tests build it: the system clock, no logging, default options unless given.</summary>
public static class TestRollups
{
    public static RollupRefresher Refresher(NpgsqlDataSource dataSource, HotspotOptions? options = null) =>
        new(dataSource, Options.Create(options ?? new HotspotOptions()), TimeProvider.System, NullLogger<RollupRefresher>.Instance);

    /// <summary>Counts every day again: what a test does after seeding, before it reads rollups.</summary>
    public static Task<RollupRefreshResult> RebuildAsync(NpgsqlDataSource dataSource) => Refresher(dataSource).RebuildAsync();
}
