using Admin.Data.Hotspots;
using Admin.Data.Persistence.Configurations;
using Admin.Data.Rollups;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Tests.Hotspots;

public class HotspotCacheTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2021, 1, 31);
    private static readonly HotspotPeriod Period = HotspotPeriod.Ending(LastDay, 28);
    private readonly List<HotspotCache> _caches = [];
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 35, seed: 1, checksPerMillion: 4));
        await TestRollups.Refresher(_db.DataSource).RefreshAsync();
    }

    public async Task DisposeAsync()
    {
        _caches.ForEach(c => c.Dispose());
        await using (var admin = await OpenServerAsync())
            await Exec(admin, $"ALTER DATABASE {_db.Name} ALLOW_CONNECTIONS true");
        await _db.DisposeAsync();
    }

    private HotspotDashboard Dashboard(HotspotOptions options)
    {
        var o = Options.Create(options);
        var cache = new HotspotCache(o, TimeProvider.System);
        _caches.Add(cache);
        return new HotspotDashboard(new HotspotQueries(_db.DataSource, o, TimeProvider.System), cache);
    }

    [Fact]
    public async Task Hundred_concurrent_readers_of_a_cold_key_cause_one_SQL_aggregate()
    {
        var dashboard = Dashboard(new HotspotOptions { CacheDuration = TimeSpan.FromMinutes(5) });
        using var recorder = StatementRecorder.Start(_db);
        var go = new TaskCompletionSource();

        var readers = Enumerable.Range(0, 100)
            .Select(_ => Task.Run(async () => { await go.Task; return await dashboard.SnapshotAsync(Period); }))
            .ToArray();
        go.SetResult();
        var results = await Task.WhenAll(readers);

        var statement = Assert.Single(recorder.Statements);
        Assert.Contains(DistrictDayTotalConfiguration.Table, statement);
        Assert.All(results, r => Assert.Same(results[0].Value, r.Value));
        Assert.All(results, r => Assert.False(r.IsStale));
    }

    [Fact]
    public async Task Without_the_cache_every_reader_queries()
    {
        // The control for the test above: the recorder does see each uncached aggregate.
        var queries = new HotspotQueries(_db.DataSource, Options.Create(new HotspotOptions()), TimeProvider.System);
        using var recorder = StatementRecorder.Start(_db);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => queries.SnapshotAsync(Period))));

        Assert.Equal(5, recorder.Statements.Count);
    }

    [Fact]
    public async Task When_the_database_is_down_the_last_value_is_served_as_stale()
    {
        var dashboard = Dashboard(new HotspotOptions { CacheDuration = TimeSpan.FromMilliseconds(200) });
        var fresh = await dashboard.SnapshotAsync(Period);

        await using (var admin = await OpenServerAsync())
        {
            await Exec(admin, $"ALTER DATABASE {_db.Name} ALLOW_CONNECTIONS false");
            await Exec(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_db.Name}' AND pid <> pg_backend_pid()");
        }
        _db.DataSource.Clear();
        await Task.Delay(500); // past the 200 ms freshness

        var stale = await dashboard.SnapshotAsync(Period);

        Assert.False(fresh.IsStale);
        Assert.True(stale.IsStale);
        Assert.Same(fresh.Value, stale.Value);
        Assert.Equal(fresh.AsOf, stale.AsOf);
    }

    [Fact]
    public async Task When_the_database_is_slow_the_last_value_is_served_and_the_refresh_lands_later()
    {
        var dashboard = Dashboard(new HotspotOptions { CacheDuration = TimeSpan.FromMilliseconds(200), CacheSoftTimeout = TimeSpan.FromMilliseconds(300) });
        var fresh = await dashboard.SnapshotAsync(Period);

        // Another session holds the rollup table: the refresh query waits behind it.
        await using var blocker = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand($"LOCK TABLE {DistrictDayTotalConfiguration.Table} IN ACCESS EXCLUSIVE MODE", blocker, tx))
            await lockTable.ExecuteNonQueryAsync();
        await Task.Delay(500);

        var whileSlow = await dashboard.SnapshotAsync(Period);
        await tx.CommitAsync();

        Assert.True(whileSlow.IsStale);
        Assert.Same(fresh.Value, whileSlow.Value);
        // The refresh that timed out finishes in the background and replaces the value (bounded wait, no timing assert).
        Cached<HotspotSnapshot> later = whileSlow;
        for (var i = 0; i < 100 && later.AsOf == fresh.AsOf; i++)
        {
            await Task.Delay(100);
            later = await dashboard.SnapshotAsync(Period);
        }
        Assert.True(later.AsOf > fresh.AsOf);
    }

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
