using Admin.Data.Domain;
using Admin.Data.Feed;
using Admin.Testing;
using Npgsql;

namespace Admin.Data.Tests.Feed;

/// <summary>The feed's horizon and scan budget, at the data layer.</summary>
public sealed class HealthCheckFeedTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private HealthCheckFeed _feed = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _feed = new HealthCheckFeed(_db.DataSource);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<FeedPage> ReadAsync(FeedPosition? after, HealthCheckFeedFilter? filter = null, int page = 100, int budget = 20_000) =>
        _feed.ReadAsync(new FeedRequest(filter ?? HealthCheckFeedFilter.None, after, page, budget), CancellationToken.None);

    [Fact]
    public async Task Rows_of_an_open_transaction_and_everything_after_it_wait_until_it_ends()
    {
        await SqlSeed.HealthChecksAsync(_db, 10);
        await _db.WaitAsync();
        var start = await ReadAsync(null);
        Assert.Equal(10, start.Rows.Count);

        await using var open = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await open.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO health_checks (id, deduplication_id, msisdn, source, province, age, exposure, risk, fever, cough, sore_throat,
                tracing, completed_timestamp, timestamp, created_by)
            VALUES (gen_random_uuid(), 'open-1', '+27820000001', 'USSD', 'ZA-NC', '18-40', 'no', 'low', false, false, false, false,
                '2020-04-01', '2020-04-01', 'test')
            """, open, tx))
            await insert.ExecuteNonQueryAsync(); // the open transaction now holds an id and a row
        await SqlSeed.HealthChecksAsync(_db, 5, offset: 10); // committed, but after the open transaction began

        var waiting = await ReadAsync(start.Next);
        Assert.Empty(waiting.Rows);
        Assert.False(waiting.HasMore);
        Assert.Equal(start.Next, waiting.Next); // the client's place is kept

        await tx.CommitAsync();
        await _db.WaitAsync();
        var after = await ReadAsync(waiting.Next);
        Assert.Equal(6, after.Rows.Count);
        Assert.Equal("open-1", after.Rows[0].DeduplicationId); // its older transaction id puts it first
    }

    [Fact]
    public async Task A_filtered_page_stops_at_its_budget_and_carries_on_from_there()
    {
        await SqlSeed.HealthChecksAsync(_db, 40); // provinces cycle GP, KZN, WC, EC
        await _db.WaitAsync();
        var filter = new HealthCheckFeedFilter { Province = Province.WesternCape };
        var seen = new List<Guid>();
        FeedPosition? at = null;
        var pages = 0;
        FeedPage page;
        do
        {
            page = await ReadAsync(at, filter, page: 100, budget: 8);
            Assert.All(page.Rows, r => Assert.Equal(Province.WesternCape, r.Province));
            Assert.True(page.Rows.Count <= 8);
            seen.AddRange(page.Rows.Select(r => r.Id));
            at = page.Next;
            pages++;
        } while (page.HasMore);
        Assert.Equal(10, seen.Distinct().Count());
        Assert.Equal(10, seen.Count);
        Assert.InRange(pages, 5, 6); // 40 entries in budgets of 8
    }

    [Fact]
    public async Task A_full_page_reports_more_and_the_last_page_does_not()
    {
        await SqlSeed.HealthChecksAsync(_db, 25);
        await _db.WaitAsync();
        var first = await ReadAsync(null, page: 10);
        var second = await ReadAsync(first.Next, page: 10);
        var third = await ReadAsync(second.Next, page: 10);
        Assert.True(first.HasMore);
        Assert.True(second.HasMore);
        Assert.False(third.HasMore);
        Assert.Equal(5, third.Rows.Count);
        var all = first.Rows.Concat(second.Rows).Concat(third.Rows).ToList();
        Assert.Equal(25, all.Select(r => r.Id).Distinct().Count());
        // In feed order: transaction id, then id (bytewise, as PostgreSQL orders uuids).
        var keys = all.Select(r => new FeedPosition(r.ChangeXid, r.Id)).ToList();
        Assert.Equal(keys.Order(), keys);
    }
}
