using Admin.Testing;
using Admin.Tests.Hosting;

namespace Admin.Tests.Cluster;

/// <summary>The app over a database on the test replication pair: writes to the primary, lag-tolerant reads from its standby.</summary>
public sealed class StandbyAppFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public AdminAppFactory Factory { get; private set; } = null!;
    public string StandbyConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Database = await ReplicationPair.CreateDatabaseAsync();
        StandbyConnectionString = Database.On(ReplicationPair.Standby);
        Factory = new AdminAppFactory(Database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:AdminRead"] = StandbyConnectionString,
            // A loaded CI machine may fall a few seconds behind; the test is about where reads go, not how fast.
            ["ReadRouting:MaxLag"] = "00:01:00",
            ["ReadRouting:ProbeTimeout"] = "00:00:20",
        });
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
