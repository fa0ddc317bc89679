using Admin.Data.Counting;
using Admin.Data.Entities;
using Admin.Data.Hotspots;
using Admin.Data.Tests.Listing;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Tests.Counting;

/// <summary>
/// A count the page gave up on (a new query superseded it) is left to finish in PostgreSQL, not cancelled there: each
/// test holds the table it reads in another transaction, so the statement waits in PostgreSQL, gives up the caller's
/// token, and sees whether PostgreSQL still runs it. An admin's asked-for count (minutes, with a cancel button) is
/// stopped there at once.
/// </summary>
public sealed class ShortStatementTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_label_count_given_up_runs_on_in_PostgreSQL_and_then_reports_the_cancellation()
    {
        await using var f = await ListingFixture.CreateAsync(new CountOptions { ExactTimeout = Limit });
        await SqlSeed.HealthChecksAsync(f.Db, 100);
        await f.Db.ExecuteAsync("ANALYZE health_checks");

        await using var hold = await HoldAsync(f.Db, "health_checks");
        using var cts = new CancellationTokenSource();
        var count = f.Counter.CountAsync(HealthCheckQueries.Parse(("risk", "high")), cts.Token);
        await WaitForWaitersAsync(f.Db, 1);
        await cts.CancelAsync();
        await Task.Delay(500);
        Assert.Equal(1, await WaitersAsync(f.Db)); // no cancel request reached PostgreSQL: the statement still waits

        await hold.ReleaseAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => count); // and its next statement is never sent
        var high = await f.Db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE risk = 'high'");
        Assert.Equal(new CountResult(high, CountSource.Exact), await f.Counter.CountAsync(HealthCheckQueries.Parse(("risk", "high")), default));
    }

    [Fact]
    public async Task An_asked_for_exact_count_is_stopped_in_PostgreSQL_when_cancelled()
    {
        await using var f = await ListingFixture.CreateAsync(new CountOptions { RequestedExactTimeout = Limit });
        await SqlSeed.HealthChecksAsync(f.Db, 100);

        await using var hold = await HoldAsync(f.Db, "health_checks");
        using var cts = new CancellationTokenSource();
        var count = f.Counter.ExactAsync(HealthCheckQueries.Parse(("risk", "high")), cts.Token);
        await WaitForWaitersAsync(f.Db, 1);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => count); // while the table is still held
        await WaitForWaitersAsync(f.Db, 0);
    }

    [Fact]
    public async Task A_rollup_count_given_up_runs_on_in_PostgreSQL()
    {
        await using var db = await TestDatabase.CreateAsync();
        await CheckRows.InsertAsync(db.DataSource, SyntheticChecks.Background(new DateOnly(2021, 3, 12), days: 7, seed: 3, checksPerMillion: 2));
        await TestRollups.Refresher(db.DataSource, new HotspotOptions()).RefreshAsync();
        var counter = new RollupCounter(db.DataSource, Options.Create(new CountOptions { RollupTimeout = Limit }));

        await using var hold = await HoldAsync(db, "rollup_watermarks");
        using var cts = new CancellationTokenSource();
        var count = counter.TryCountAsync(HealthCheckQueries.Parse(("province", "ZA-GP")), cts.Token);
        await WaitForWaitersAsync(db, 1);
        await cts.CancelAsync();
        await Task.Delay(500);
        Assert.Equal(1, await WaitersAsync(db));

        await hold.ReleaseAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => count);
        Assert.NotNull(await counter.TryCountAsync(HealthCheckQueries.Parse(("province", "ZA-GP")), default));
    }

    // Another transaction holding the table: every read of it waits in PostgreSQL until released.
    private static async Task<TableHold> HoldAsync(TestDatabase db, string table)
    {
        var conn = await db.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", conn, tx))
            await cmd.ExecuteNonQueryAsync();
        return new TableHold(conn, tx);
    }

    private sealed class TableHold(NpgsqlConnection conn, NpgsqlTransaction tx) : IAsyncDisposable
    {
        public Task ReleaseAsync() => tx.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync();
            await conn.DisposeAsync();
        }
    }

    private static Task<long> WaitersAsync(TestDatabase db) =>
        db.ScalarAsync<long>($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{db.Name}' AND wait_event_type = 'Lock'");

    private static async Task WaitForWaitersAsync(TestDatabase db, long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        long seen;
        while ((seen = await WaitersAsync(db)) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"statements waiting for the held table: {seen}, expected {expected}");
            await Task.Delay(20);
        }
    }
}
