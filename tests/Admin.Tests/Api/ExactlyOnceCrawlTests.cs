using System.Collections.Concurrent;
using Admin.Data.Security;
using Admin.Testing;
using Admin.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Admin.Tests.Api;

/// <summary>
/// The feed's promise, tested the way a data lake uses it: a crawler follows the cursor while other connections write
/// rows with current and past timestamps (late arrivals), one transaction stays open across many pages and commits
/// late, another rolls back; when the writers are done and the crawler has caught up, it has seen exactly the table's
/// rows, each once. A timestamp cursor (DRF's) or a feed without the horizon loses the late transaction's rows.
/// </summary>
public sealed class ExactlyOnceCrawlTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateTimeOffset LongAgo = new(2020, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public Task A_crawler_under_concurrent_writes_sees_every_row_exactly_once() =>
        CrawlAsync(app.Database, app.Factory, () => app.Database.WaitAsync());

    /// <summary>
    /// The crawl and its checks, for any app whose feed reads <paramref name="db"/> (or its standby: StandbyCrawlTests).
    /// <paramref name="caughtUp"/> waits until the feed's horizon has passed every writer. Returns the pages fetched.
    /// </summary>
    internal static async Task<int> CrawlAsync(TestDatabase db, WebApplicationFactory<Program> factory, Func<Task> caughtUp)
    {
        await SqlSeed.HealthChecksAsync(db, 600);
        var client = await factory.CreateApiClientAsync(Roles.Admin);
        var pagesFetched = 0;
        var writersDone = false;

        // A transaction that starts writing now (so its id is older than every writer's below), then stays open
        // while the crawler reads several pages, and commits late. Its rows carry old timestamps too.
        await using var late = await db.DataSource.OpenConnectionAsync();
        await using var lateTx = await late.BeginTransactionAsync();
        await InsertAsync(late, lateTx, "late-a", 50, LongAgo);

        var lateWriter = Task.Run(async () =>
        {
            while (Volatile.Read(ref pagesFetched) < 8) await Task.Delay(10);
            await InsertAsync(late, lateTx, "late-b", 50, DateTimeOffset.UtcNow);
            while (Volatile.Read(ref pagesFetched) < 14) await Task.Delay(10);
            await lateTx.CommitAsync();
        });
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await using var conn = await db.DataSource.OpenConnectionAsync();
                await using var tx = await conn.BeginTransactionAsync();
                // Alternately now and long ago: late arrivals land in the past of a timestamp-ordered feed.
                await InsertAsync(conn, tx, $"w{w}-{i}", 7, i % 2 == 0 ? DateTimeOffset.UtcNow : LongAgo.AddMinutes(i));
                if (i == 5 && w == 0) await tx.RollbackAsync(); // never visible: must never be served
                else await tx.CommitAsync();
                await Task.Delay(15);
            }
        })).ToList();
        var allWriters = Task.WhenAll(writers.Append(lateWriter)).ContinueWith(_ => Volatile.Write(ref writersDone, true), TaskScheduler.Default);

        var seen = new List<Guid>();
        var url = "/api/v1/healthchecks?page_size=100";
        var finalPass = false;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, "the crawl did not finish in two minutes");
            var page = await FeedPages.GetAsync(client, url);
            Interlocked.Increment(ref pagesFetched);
            seen.AddRange(page.Ids);
            if (page.HasMore)
            {
                url = page.Next!;
                continue;
            }
            if (finalPass) break;
            // Caught up with the horizon: resume later from the cursor, as a data lake would. Once the writers are done,
            // wait until the horizon has passed their transactions (other test classes on this server hold it back too)
            // and crawl to the end once more.
            if (Volatile.Read(ref writersDone))
            {
                await caughtUp();
                finalPass = true;
            }
            else await Task.Delay(25);
            url = "/api/v1/healthchecks?page_size=100&cursor=" + page.Cursor;
        }
        await allWriters;

        var table = await IdsAsync(db);
        var duplicates = seen.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.Equal(100, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE deduplication_id LIKE 'late-%'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE deduplication_id LIKE 'w0-5-%'"));
        Assert.Equal(table.Order(), seen.Order());
        Assert.True(pagesFetched >= 14, $"the late transaction stayed open across {pagesFetched} pages");
        return pagesFetched;
    }

    [Fact]
    public async Task An_updated_row_comes_again_once_as_a_change()
    {
        await using (var conn = await app.Database.DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await InsertAsync(conn, tx, "update-" + Guid.NewGuid(), 20, LongAgo);
            await tx.CommitAsync();
        }
        await app.Database.WaitAsync();
        var client = await app.Factory.CreateApiClientAsync(Roles.Admin);
        var url = "/api/v1/healthchecks?page_size=5000";
        FeedPages page;
        do
        {
            page = await FeedPages.GetAsync(client, url);
            url = page.Next ?? url;
        } while (page.HasMore);
        var resume = "/api/v1/healthchecks?page_size=5000&cursor=" + page.Cursor;

        var id = (await IdsAsync(app.Database)).First();
        await app.Database.ExecuteAsync($"UPDATE health_checks SET city = 'Upington' WHERE id = '{id}'");
        await app.Database.WaitAsync();

        var change = await FeedPages.GetAsync(client, resume);
        Assert.Equal([id], change.Ids);
        Assert.Equal("Upington", change.Results[0].GetProperty("city").GetString());
        Assert.False(change.HasMore);
        var after = await FeedPages.GetAsync(client, "/api/v1/healthchecks?page_size=5000&cursor=" + change.Cursor);
        Assert.Empty(after.Results);
    }

    private static async Task<List<Guid>> IdsAsync(TestDatabase db)
    {
        var ids = new List<Guid>();
        await using var cmd = db.DataSource.CreateCommand("SELECT id FROM health_checks");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string tag, int count, DateTimeOffset at)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO health_checks (id, deduplication_id, msisdn, source, province, age, exposure, risk,
                fever, cough, sore_throat, tracing, completed_timestamp, timestamp, created_by)
            SELECT gen_random_uuid(), $1 || '-' || g, '+27831234567', 'WhatsApp', 'ZA-NC', '18-40', 'no', 'low',
                   false, false, false, false, $2, $2, 'crawl-test'
            FROM generate_series(1, $3) g
            """, conn, tx);
        cmd.Parameters.AddWithValue(tag);
        cmd.Parameters.AddWithValue(at.ToUniversalTime());
        cmd.Parameters.AddWithValue(count);
        await cmd.ExecuteNonQueryAsync();
    }
}
