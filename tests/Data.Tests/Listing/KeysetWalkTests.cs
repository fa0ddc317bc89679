using Admin.Data.Security;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Testing;

namespace Admin.Data.Tests.Listing;

public class KeysetWalkTests
{
    private static async Task<List<HealthCheck>> WalkForwardAsync(ListingFixture f, ListQuery<HealthCheck> q, int pageSize)
    {
        var seen = new List<HealthCheck>();
        var window = await f.Lister.WindowAsync(q, WindowRequest.Start(pageSize), PersonalDataView.Full, default);
        seen.AddRange(window.Rows);
        while (window.MoreAfter == true)
        {
            window = await f.Lister.WindowAsync(q, WindowRequest.After(window.Cursors[^1], pageSize), PersonalDataView.Full, default);
            seen.AddRange(window.Rows);
        }
        return seen;
    }

    [Fact]
    public async Task Forward_then_backward_visits_every_row_once_despite_timestamp_ties()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 1000, tieEvery: 7);
        var q = HealthCheckQueries.Parse();

        var forward = await WalkForwardAsync(f, q, 37);
        Assert.Equal(1000, forward.Count);
        Assert.Equal(1000, forward.Select(r => r.Id).Distinct().Count());
        // The order is the ordering's: newest first, ties broken by id descending.
        Assert.Equal(forward.OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id).Select(r => r.Id), forward.Select(r => r.Id));

        var backward = new List<HealthCheck>();
        var window = await f.Lister.WindowAsync(q, WindowRequest.End(37), PersonalDataView.Full, default);
        Assert.False(window.MoreAfter);
        backward.InsertRange(0, window.Rows);
        while (window.MoreBefore == true)
        {
            window = await f.Lister.WindowAsync(q, WindowRequest.Before(KeysetCursorOf(q, window.Rows[0]), 37), PersonalDataView.Full, default);
            backward.InsertRange(0, window.Rows);
        }
        Assert.Equal(forward.Select(r => r.Id), backward.Select(r => r.Id));
    }

    [Fact]
    public async Task A_walk_while_rows_are_inserted_skips_and_repeats_nothing_already_there()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 600, tieEvery: 4);
        var q = HealthCheckQueries.Parse();
        var before = (await WalkForwardAsync(f, q, 1000)).Select(r => r.Id).ToHashSet();

        var seen = new List<Guid>();
        var window = await f.Lister.WindowAsync(q, WindowRequest.Start(50), PersonalDataView.Full, default);
        seen.AddRange(window.Rows.Select(r => r.Id));
        var round = 0;
        while (window.MoreAfter == true)
        {
            // New rows land on both sides of the cursor: newer (ahead of the walk's start) and older (still to come).
            await SqlSeed.HealthChecksAsync(f.Db, 5, tieEvery: 1, offset: 10_000 + round * 10, start: new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero));
            await SqlSeed.HealthChecksAsync(f.Db, 5, tieEvery: 1, offset: 20_000 + round * 10, start: new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero));
            round++;
            window = await f.Lister.WindowAsync(q, WindowRequest.After(window.Cursors[^1], 50), PersonalDataView.Full, default);
            seen.AddRange(window.Rows.Select(r => r.Id));
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());   // nothing repeated
        Assert.Subset(seen.ToHashSet(), before);              // nothing that was there is skipped
    }

    [Fact]
    public async Task Seek_jumps_to_a_date_and_at_opens_on_a_record()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 300, tieEvery: 1);
        var q = HealthCheckQueries.Parse();
        var at = new DateTimeOffset(2021, 1, 1, 2, 30, 30, TimeSpan.Zero); // between row 150 (02:30) and 151 (02:31)

        var seek = await f.Lister.WindowAsync(q, WindowRequest.Seek(at, 10), PersonalDataView.Full, default);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 2, 30, 0, TimeSpan.Zero), seek.Rows[0].Timestamp);
        Assert.All(seek.Rows, r => Assert.True(r.Timestamp <= at));

        var target = seek.Rows[3];
        var opened = await f.Lister.WindowAsync(q, WindowRequest.At(seek.Cursors[3], 5), PersonalDataView.Full, default);
        Assert.Equal(target.Id, opened.Rows[0].Id);
        var earlier = await f.Lister.WindowAsync(q, WindowRequest.Before(seek.Cursors[3], 3), PersonalDataView.Full, default);
        Assert.Equal(seek.Rows.Take(3).Select(r => r.Id), earlier.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Filters_and_the_oldest_ordering_walk_their_own_rows_only()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 480, tieEvery: 5);
        var q = HealthCheckQueries.Parse(("province", "ZA-GT"), ("risk", "high"), ("sort", "oldest"));
        var rows = await WalkForwardAsync(f, q, 13);
        // g % 4 == 0 is ZA-GP (ZA-GT read as its current code); g % 3 == 2 is high: g % 12 == 8 -> 40 rows.
        Assert.Equal(40, rows.Count);
        Assert.All(rows, r => Assert.Equal("ZA-GP", Admin.Data.Domain.Codes<Admin.Data.Domain.Province>.ToCode(r.Province)));
        Assert.Equal(rows.OrderBy(r => r.Timestamp).ThenBy(r => r.Id).Select(r => r.Id), rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Phone_prefix_search_lists_in_number_order_across_windows()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 2000, tieEvery: 2);
        var q = HealthCheckQueries.Parse(("q", "082 0000 1"), ("in", "phone-prefix"));
        var rows = await WalkForwardAsync(f, q, 3);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("+278200001", r.Msisdn));
        var expected = rows.OrderBy(r => r.Msisdn, StringComparer.Ordinal).ThenByDescending(r => r.Timestamp).ThenByDescending(r => r.Id);
        Assert.Equal(expected.Select(r => r.Id), rows.Select(r => r.Id));
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_tampered_cursor_is_refused_with_a_message()
    {
        await using var f = await ListingFixture.CreateAsync();
        var ex = await Assert.ThrowsAsync<ListRequestException>(() => f.Lister.WindowAsync(HealthCheckQueries.Parse(), WindowRequest.After("k1.bm9ub25zZW5zZQ", 10), PersonalDataView.Full, default));
        Assert.Contains("not valid", ex.Message);
        await Assert.ThrowsAsync<ListRequestException>(() => f.Lister.WindowAsync(HealthCheckQueries.Parse(), WindowRequest.After("garbage", 10), PersonalDataView.Full, default));
    }

    private static string KeysetCursorOf(ListQuery<HealthCheck> q, HealthCheck row) => KeysetCursor.Encode(q.Ordering.KeyOf(row));
}
