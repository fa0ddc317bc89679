using Admin.Data.Counting;
using Admin.Data.Listing;
using Admin.Data.Tests.Listing;
using Admin.Testing;
using Npgsql;

namespace Admin.Data.Tests.Counting;

public class SlowCountsTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Sql = "SELECT count(*) FROM \"health_checks\" WHERE province = @p0";

    private static NpgsqlParameter[] Values(params object[] values) => values.Select((v, i) => new NpgsqlParameter("p" + i, v)).ToArray();

    [Fact]
    public void A_count_cut_off_twice_is_remembered_for_its_statement_and_values_until_the_lifetime_passes()
    {
        var time = new MovingTime();
        var slow = new SlowCounts(Lifetime, time);
        Strike(slow, Values("ZA-GP"), SlowCounts.Strikes);

        Assert.True(slow.IsKnownSlow(Sql, Values("ZA-GP")));
        Assert.False(slow.IsKnownSlow(Sql, Values("ZA-WC")));
        Assert.False(slow.IsKnownSlow(Sql + " AND risk = @p1", Values("ZA-GP", "high")));

        time.Now += Lifetime - TimeSpan.FromSeconds(1);
        Assert.True(slow.IsKnownSlow(Sql, Values("ZA-GP")));
        time.Now += TimeSpan.FromSeconds(2);
        Assert.False(slow.IsKnownSlow(Sql, Values("ZA-GP")));
    }

    [Fact]
    public void One_cut_off_count_is_a_strike_that_a_finished_count_or_the_lifetime_clears()
    {
        var time = new MovingTime();
        var slow = new SlowCounts(Lifetime, time);
        slow.Remember(Sql, Values("ZA-GP"));
        Assert.False(slow.IsKnownSlow(Sql, Values("ZA-GP")));
        slow.Forget(Sql, Values("ZA-GP"));
        slow.Remember(Sql, Values("ZA-GP"));
        Assert.False(slow.IsKnownSlow(Sql, Values("ZA-GP")));

        time.Now += Lifetime + TimeSpan.FromSeconds(1);
        slow.Remember(Sql, Values("ZA-GP"));
        Assert.False(slow.IsKnownSlow(Sql, Values("ZA-GP")));
        slow.Remember(Sql, Values("ZA-GP"));
        Assert.True(slow.IsKnownSlow(Sql, Values("ZA-GP")));
    }

    [Fact]
    public void Array_values_are_told_apart_by_their_items_and_a_zero_lifetime_remembers_nothing()
    {
        var slow = new SlowCounts(Lifetime, new MovingTime());
        Strike(slow, Values(new[] { "a", "b" }), SlowCounts.Strikes);
        Assert.True(slow.IsKnownSlow(Sql, Values(new[] { "a", "b" })));
        Assert.False(slow.IsKnownSlow(Sql, Values(new[] { "a", "c" })));

        var never = new SlowCounts(TimeSpan.Zero, new MovingTime());
        Strike(never, Values("ZA-GP"), SlowCounts.Strikes);
        Assert.False(never.IsKnownSlow(Sql, Values("ZA-GP")));
    }

    [Fact]
    public async Task After_a_count_is_cut_off_twice_the_same_filter_gets_the_estimate_without_a_count_and_another_filter_is_still_tried()
    {
        await using var f = await ListingFixture.CreateAsync(new CountOptions { ExactTimeout = TimeSpan.FromMilliseconds(1) });
        await SqlSeed.HealthChecksAsync(f.Db, 120_000);
        await f.Db.ExecuteAsync("ANALYZE health_checks");
        var kzn = HealthCheckQueries.Parse(("province", "ZA-KZN"));

        using var rec = StatementRecorder.Start(f.Db);
        var first = await f.Counter.CountAsync(kzn, default);
        Assert.Equal(CountSource.Planner, first.Source);
        Assert.Contains(rec.Statements, s => s.StartsWith("SELECT count(*)", StringComparison.Ordinal));

        rec.Clear();
        Assert.Equal(first, await f.Counter.CountAsync(kzn, default));
        Assert.Contains(rec.Statements, s => s.StartsWith("SELECT count(*)", StringComparison.Ordinal));

        rec.Clear();
        var again = await f.Counter.CountAsync(kzn, default);
        Assert.Equal(first, again);
        Assert.DoesNotContain(rec.Statements, s => s.Contains("count(", StringComparison.OrdinalIgnoreCase));

        rec.Clear();
        await f.Counter.CountAsync(HealthCheckQueries.Parse(("province", "ZA-WC")), default);
        Assert.Contains(rec.Statements, s => s.StartsWith("SELECT count(*)", StringComparison.Ordinal));
    }

    private static void Strike(SlowCounts slow, NpgsqlParameter[] values, int times)
    {
        for (var i = 0; i < times; i++) slow.Remember(Sql, values);
    }

    private sealed class MovingTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
