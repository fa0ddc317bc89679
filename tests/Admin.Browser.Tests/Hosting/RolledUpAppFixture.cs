using Admin.Testing.Hotspots;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;

namespace Admin.Browser.Tests.Hosting;

/// <summary>
/// The app over rows a journey class seeds, analyzed and rolled up once before the first test, with no background
/// refresh (and no export worker): what a test counts or sees comes from its own steps only.
/// </summary>
public abstract class RolledUpAppFixture : AppServerFixture, IAsyncLifetime
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Exports:RunJobs"] = "false",
        ["Hotspots:BackgroundRefresh"] = "false",
    };

    /// <summary>The rows, written before ANALYZE and the rollup rebuild.</summary>
    protected abstract Task SeedAsync();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await SeedAsync();
        await Database.ExecuteAsync("ANALYZE");
        await TestRollups.RebuildAsync(Database.DataSource);
    }
}
