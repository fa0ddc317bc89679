using Admin.Data.Counting;
using Admin.Data.Hotspots;
using Admin.Data.Listing;
using Admin.Data.Rollups;
using Admin.Data.Routing;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Tests.Routing;

/// <summary>
/// Read routing against a real streaming standby (the replication pair `./admin.sh test` starts): lag-tolerant reads
/// land on the standby, a user's reads after their own write land on the primary until the standby has replayed it,
/// and a standby that is behind or down sends reads to the primary.
/// </summary>
public sealed class ReadRoutingTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ReplicationPair.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Grid_windows_are_read_from_the_standby_once_it_has_replayed_the_rows()
    {
        await SqlSeed.HealthChecksAsync(_db, 30);
        await ReplicationPair.WaitForReplayAsync(_db);
        await using var parts = new RoutingParts(_db, _db.On(ReplicationPair.Standby));

        var status = await parts.Monitor.ProbeAsync();

        Assert.True(status.Serves(TimeSpan.FromMinutes(1)), status.Describe(TimeSpan.FromMinutes(1)));
        Assert.True(status.InRecovery);
        Assert.True(parts.Routing.UsesReplica);
        Assert.True(await parts.ReadLandsOnStandbyAsync());
        var lister = new TableLister(parts.Reads, parts.Routing);
        var window = await lister.WindowAsync(Listing.HealthCheckQueries.Parse(), WindowRequest.Start(100), PersonalDataView.Full, default);
        Assert.Equal(30, window.Rows.Count);
    }

    [Fact]
    public async Task Counts_and_the_timeline_from_the_rollups_are_read_on_the_standby_and_stay_exact()
    {
        // Rolled-up rows plus rows written after the refresh: the standby's copy of both adds up to count(*).
        await SqlSeed.HealthChecksAsync(_db, 60);
        await TestRollups.RebuildAsync(_db.DataSource);
        await SqlSeed.HealthChecksAsync(_db, 9, offset: 60);
        await ReplicationPair.WaitForReplayAsync(_db);
        await using var parts = new RoutingParts(_db, _db.On(ReplicationPair.Standby));
        await parts.Monitor.ProbeAsync();
        Assert.True(await parts.ReadLandsOnStandbyAsync());
        var counter = new RollupCounter(parts.Routing, Options.Create(new CountOptions()));
        var timelines = new RollupTimeline(parts.Routing, Options.Create(new CountOptions()));

        (string, string?)[][] filters = [[], [("province", "ZA-GP")], [("risk", "high"), ("from", "2021-01-01")]];
        foreach (var filter in filters)
        {
            var query = Listing.HealthCheckQueries.Parse(filter);
            var ps = new SqlParameters();
            var where = query.WhereSql(ps);
            await using var cmd = _db.DataSource.CreateCommand("SELECT count(*) FROM health_checks" + (where.Length > 0 ? " WHERE " + where : ""));
            cmd.Parameters.AddRange(ps.List.ToArray());
            var expected = (long)(await cmd.ExecuteScalarAsync())!;

            var counted = await counter.TryCountAsync(query, default);
            Assert.NotNull(counted);
            Assert.Equal(CountSource.Rollups, counted.Source);
            Assert.Equal(expected, counted.Value);
            var timeline = await timelines.TryReadAsync(query, default);
            Assert.NotNull(timeline);
            Assert.Equal(expected, timeline.Buckets.Sum(b => b.Count));
        }
    }

    [Fact]
    public async Task After_a_write_its_author_reads_the_primary_until_the_standby_has_replayed_it()
    {
        await using var parts = new RoutingParts(_db, _db.On(ReplicationPair.Standby));
        await parts.Monitor.ProbeAsync();
        await ReplicationPair.PauseReplayAsync(_db);
        try
        {
            using (ReadRouting.ReaderScope("alice"))
            {
                await SqlSeed.HealthChecksAsync(_db, 1, offset: 7000);
                await using var conn = await parts.Sources.Primary.OpenConnectionAsync();
                await parts.Routing.NoteWriteAsync(conn);
            }
            await parts.Monitor.ProbeAsync();

            using (ReadRouting.ReaderScope("alice"))
            {
                Assert.False(await parts.ReadLandsOnStandbyAsync());
                Assert.Equal(1L, await CountAsync(parts, "SELECT count(*) FROM health_checks WHERE deduplication_id = 'seed-7001'"));
            }
            using (ReadRouting.ReaderScope("bob"))
            {
                // Bob did not write: the paused standby still serves him, without Alice's row.
                Assert.True(await parts.ReadLandsOnStandbyAsync());
                Assert.Equal(0L, await CountAsync(parts, "SELECT count(*) FROM health_checks WHERE deduplication_id = 'seed-7001'"));
            }
        }
        finally
        {
            await ReplicationPair.OnStandbyAsync("SELECT pg_wal_replay_resume()");
        }
        await ReplicationPair.WaitForReplayAsync(_db);
        await parts.Monitor.ProbeAsync();
        using (ReadRouting.ReaderScope("alice"))
        {
            Assert.True(await parts.ReadLandsOnStandbyAsync());
            Assert.Equal(1L, await CountAsync(parts, "SELECT count(*) FROM health_checks WHERE deduplication_id = 'seed-7001'"));
        }
    }

    [Fact]
    public async Task A_standby_further_behind_than_MaxLag_serves_no_reads()
    {
        await using var parts = new RoutingParts(_db, _db.On(ReplicationPair.Standby), new ReadRoutingOptions { MaxLag = TimeSpan.FromMilliseconds(200) });
        await ReplicationPair.PauseReplayAsync(_db);
        try
        {
            await SqlSeed.HealthChecksAsync(_db, 1, offset: 8000);
            await Task.Delay(400);
            var status = await parts.Monitor.ProbeAsync();

            Assert.True(status.Reachable);
            Assert.False(status.Serves(TimeSpan.FromMilliseconds(200)), status.Describe(TimeSpan.FromMilliseconds(200)));
            Assert.False(parts.Routing.UsesReplica);
            Assert.False(await parts.ReadLandsOnStandbyAsync());
            Assert.Contains("reads go to the primary", status.Describe(TimeSpan.FromMilliseconds(200)));
        }
        finally
        {
            await ReplicationPair.OnStandbyAsync("SELECT pg_wal_replay_resume()");
        }
    }

    [Fact]
    public async Task A_standby_that_refuses_connections_sends_reads_to_the_primary_at_once()
    {
        var closed = new NpgsqlConnectionStringBuilder(_db.On(ReplicationPair.Standby)) { Port = ClosedPort.Find(), Timeout = 2 }.ConnectionString;
        await using var parts = new RoutingParts(_db, closed);

        var status = await parts.Monitor.ProbeAsync();

        Assert.False(status.Reachable);
        Assert.False(parts.Routing.UsesReplica);
        Assert.False(await parts.ReadLandsOnStandbyAsync());
        Assert.StartsWith("standby unreachable", status.Describe(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Behind_a_transaction_pooler_the_statement_timeout_is_not_a_startup_option()
    {
        await using var direct = new RoutingParts(_db, null);
        await using var pooled = new RoutingParts(_db, null, transactionPooling: true);

        Assert.Equal("5s", await ScalarAsync(direct.Sources.Primary, "SHOW statement_timeout"));
        Assert.Equal("0", await ScalarAsync(pooled.Sources.Primary, "SHOW statement_timeout"));
        Assert.Null(new NpgsqlConnectionStringBuilder(pooled.Sources.Primary.ConnectionString).Options);
    }

    private static async Task<long> CountAsync(RoutingParts parts, string sql)
    {
        await using var conn = await parts.Routing.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<string> ScalarAsync(NpgsqlDataSource ds, string sql)
    {
        await using var cmd = ds.CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
