using Admin.Data.Routing;
using Admin.Testing;
using Admin.Tests.Api;
using Admin.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Admin.Tests.Cluster;

/// <summary>
/// The change feed served by a hot standby: the exactly-once crawl (ExactlyOnceCrawlTests) with its feed pages read
/// from the standby while the writers (and the late, long-open transaction) hit the primary.
/// </summary>
public sealed class StandbyCrawlTests(StandbyAppFixture app) : IClassFixture<StandbyAppFixture>
{
    [Fact]
    public async Task A_crawler_reading_the_standby_sees_every_row_exactly_once()
    {
        var monitor = app.Factory.Services.GetRequiredService<ReplicaMonitor>();
        var before = await StandbyTransactionsAsync();

        var pages = await ExactlyOnceCrawlTests.CrawlAsync(app.Database, app.Factory, CaughtUpOnStandbyAsync);

        Assert.True(monitor.Status.Serves(TimeSpan.FromMinutes(1)), monitor.Status.Describe(TimeSpan.FromMinutes(1)));
        // The pages really came from the standby: its own statistics count the crawl's read transactions.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long served;
        while ((served = await StandbyTransactionsAsync() - before) < pages && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.True(served >= pages, $"the standby committed {served} transactions for {pages} feed pages");
    }

    [Fact]
    public async Task Each_node_shows_the_standby_lag_in_its_health_entry_and_on_the_admin_page()
    {
        var monitor = app.Factory.Services.GetRequiredService<ReplicaMonitor>();
        await monitor.ProbeAsync();
        using var anonymous = app.Factory.CreateClient();
        var health = await anonymous.GetStringAsync("/healthz/replica");
        using var admin = await app.Factory.CreateClientAsAsync(app.Database, Data.Security.Roles.Admin);
        var page = await HttpLogin.ParseAsync(await admin.GetStringAsync("/admin"));

        Assert.Matches(@"^Healthy: standby \d+\.\d s behind, serving reads", health);
        Assert.Matches(@"^Read replica: standby \d+\.\d s behind, serving reads", page.QuerySelector("[data-testid=replica-status]")!.TextContent.Trim());
    }

    // The standby's horizon follows the primary's once it has replayed past it; an xid the primary assigned but never
    // logged leaves the standby's snapshot only at the next running-xacts record, which a checkpoint writes at once.
    private async Task CaughtUpOnStandbyAsync()
    {
        await app.Database.WaitAsync();
        var xid = await app.Database.ScalarAsync<long>("SELECT pg_current_xact_id()::text::bigint");
        await app.Database.ExecuteAsync("CHECKPOINT");
        await ReplicationPair.WaitForReplayAsync(app.Database);
        await using var standby = NpgsqlDataSource.Create(app.StandbyConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var cmd = standby.CreateCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
            if ((long)(await cmd.ExecuteScalarAsync())! > xid) return;
            Assert.True(DateTime.UtcNow < deadline, "the standby's feed horizon did not pass the writers within a minute");
            await Task.Delay(50);
        }
    }

    private async Task<long> StandbyTransactionsAsync()
    {
        await using var standby = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(app.StandbyConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await using var cmd = standby.CreateCommand($"SELECT xact_commit FROM pg_stat_database WHERE datname = '{app.Database.Name}'");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
