using Admin.Data.Domain;
using Admin.Data.Feed;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Npgsql;

namespace Admin.Data.Tests.Hotspots;

/// <summary>
/// A refresh must not hold back the change feed: the feed serves rows only below the oldest transaction id still
/// running, so a refresh or a rebuild may hold one only while it writes. Here one is stopped just before its first write
/// (a lock on the rollup it writes first) while a feed client follows new writes.
/// </summary>
public sealed class RollupRefreshFeedTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2021, 3, 3);
    private TestDatabase _db = null!;
    private RollupRefresher _refresher = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _refresher = TestRollups.Refresher(_db.DataSource, new HotspotOptions());
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 10, seed: 4, checksPerMillion: 5));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(false, "rollup_district_days", "WITH base AS MATERIALIZED%")]
    // A rebuild recounts the whole table (about 40 s at 20M rows) and merges like a refresh.
    [InlineData(true, "rollup_district_days", "WITH base AS MATERIALIZED%")]
    // The months come after the days' transaction, each in its own: stopped before the first, nothing is held either.
    [InlineData(false, "rollup_district_months", "WITH fresh AS MATERIALIZED%")]
    [InlineData(true, "rollup_district_months", "WITH fresh AS MATERIALIZED%")]
    public async Task While_a_refresh_counts_it_holds_no_transaction_id_and_the_feed_serves_new_writes(bool rebuild, string blockedTable, string blockedQuery)
    {
        await _refresher.RefreshAsync();
        var feed = new HealthCheckFeed(_db.DataSource);
        await _db.WaitAsync();
        var position = (await FollowAsync(feed, null)).Position;
        // A new day and a late row far back: the refresh recounts both before it writes.
        await CheckRows.InsertAsync(_db.DataSource,
        [
            new(SyntheticChecks.At(LastDay.AddDays(1), new Random(1)), Province.Gauteng, "TSH", Risk.High, -25.7, 28.2, "USSD"),
            new(SyntheticChecks.At(LastDay.AddDays(-60), new Random(2)), Province.Limpopo, "DC35", Risk.Low, -23.9, 29.4),
        ]);

        await using var blocker = await _db.DataSource.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"LOCK TABLE {blockedTable} IN SHARE MODE", blocker, hold))
            await take.ExecuteNonQueryAsync();
        var refreshing = rebuild ? _refresher.RebuildAsync() : _refresher.RefreshAsync();
        var refresher = await WaitForBlockedRefreshAsync(blockedQuery);

        // Blocked at its first writing statement, after reading its snapshot, watermark and late days: no transaction id.
        Assert.Equal("none", await _db.ScalarAsync<string>($"SELECT coalesce(backend_xid::text, 'none') FROM pg_stat_activity WHERE pid = {refresher}"));
        // Meanwhile a writer commits and the feed client gets the row: the horizon passes it although the refresh runs.
        await CheckRows.InsertAsync(_db.DataSource,
            [new(SyntheticChecks.At(LastDay.AddDays(1), new Random(3)), Province.WesternCape, "CPT", Risk.Moderate, -33.9, 18.5)]);
        await _db.WaitAsync(TimeSpan.FromSeconds(30));
        var (rows, _) = await FollowAsync(feed, position);
        Assert.Equal(3, rows);
        Assert.False(refreshing.IsCompleted);

        await hold.CommitAsync();
        var result = await refreshing;
        Assert.True(result.Ran);
        Assert.Equal(rebuild, result.FullRebuild);
        if (!rebuild) Assert.Equal([LastDay.AddDays(-60), LastDay.AddDays(1)], result.Days);
        // The row committed during the refresh is counted by the next one.
        await _refresher.RefreshAsync();
        Assert.Equal(await RollupOracle.DistrictDirectAsync(_db), await RollupOracle.DistrictRollupAsync(_db));
    }

    private static async Task<(int Rows, FeedPosition? Position)> FollowAsync(HealthCheckFeed feed, FeedPosition? after)
    {
        var rows = 0;
        while (true)
        {
            var page = await feed.ReadAsync(new FeedRequest(HealthCheckFeedFilter.None, after, 1000, 20_000), CancellationToken.None);
            rows += page.Rows.Count;
            after = page.Next ?? after;
            if (!page.HasMore) return (rows, after);
        }
    }

    private async Task<int> WaitForBlockedRefreshAsync(string query)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var pid = await _db.ScalarAsync<int?>($"""
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '{query}'
                """);
            if (pid is { } p) return p;
            await Task.Delay(20);
        }
        throw new TimeoutException("The refresh never reached its first write:\n" + await _db.ScalarAsync<string>(
            "SELECT string_agg(pid || ' ' || state || ' ' || coalesce(wait_event_type, '-') || ' ' || left(query, 100), E'\\n') FROM pg_stat_activity WHERE datname = current_database()"));
    }
}
