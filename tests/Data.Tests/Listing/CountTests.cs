using Admin.Data.Counting;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Testing;

namespace Admin.Data.Tests.Listing;

public class CountTests
{
    [Fact]
    public async Task Small_results_are_counted_exactly()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 1200);
        await f.Db.ExecuteAsync("ANALYZE health_checks");

        var filtered = await f.Counter.CountAsync(HealthCheckQueries.Parse(("province", "ZA-WC"), ("risk", "low")), default);
        Assert.Equal(new CountResult(100, CountSource.Exact), filtered); // g % 4 == 2 and g % 3 == 0 -> g % 12 == 6
        Assert.Equal(new CountResult(1200, CountSource.Exact), await f.Counter.CountAsync(HealthCheckQueries.Parse(), default));
    }

    [Fact]
    public async Task A_count_past_its_time_limit_falls_back_to_the_filtered_estimate_not_the_table_size()
    {
        await using var f = await ListingFixture.CreateAsync(new CountOptions { ExactTimeout = TimeSpan.FromMilliseconds(1) });
        await SqlSeed.HealthChecksAsync(f.Db, 120_000);
        await f.Db.ExecuteAsync("ANALYZE health_checks");

        var result = await f.Counter.CountAsync(HealthCheckQueries.Parse(("province", "ZA-KZN")), default);
        Assert.Equal(CountSource.Planner, result.Source);
        // The truth is 30,000: an estimate near it, never the whole table's 120k.
        Assert.InRange(result.Value, 20_000, 40_000);

        var unfiltered = await f.Counter.CountAsync(HealthCheckQueries.Parse(), default);
        Assert.Equal(CountSource.Statistics, unfiltered.Source);
        Assert.InRange(unfiltered.Value, 115_000, 125_000);
    }

    [Fact]
    public async Task Above_the_ceiling_no_exact_count_is_attempted()
    {
        await using var f = await ListingFixture.CreateAsync(new CountOptions { ExactCeiling = 10 });
        await SqlSeed.HealthChecksAsync(f.Db, 3000);
        await f.Db.ExecuteAsync("ANALYZE health_checks");
        Assert.Equal(CountSource.Planner, (await f.Counter.CountAsync(HealthCheckQueries.Parse(("risk", "high")), default)).Source);
        Assert.Equal(CountSource.Statistics, (await f.Counter.CountAsync(HealthCheckQueries.Parse(), default)).Source);
    }

    [Fact]
    public async Task Never_analyzed_table_is_still_estimated_without_a_scan()
    {
        await using var f = await ListingFixture.CreateAsync(new CountOptions { ExactCeiling = 0 });
        await SqlSeed.HealthChecksAsync(f.Db, 2000);
        var result = await f.Counter.CountAsync(HealthCheckQueries.Parse(), default);
        Assert.Equal(CountSource.Planner, result.Source);
        Assert.True(result.Value > 0);
    }

    [Fact]
    public async Task An_asked_for_exact_count_runs_past_the_short_limit_and_can_be_cancelled()
    {
        await using var f = await ListingFixture.CreateAsync(new CountOptions { ExactTimeout = TimeSpan.FromMilliseconds(1) });
        await SqlSeed.HealthChecksAsync(f.Db, 200_000);
        Assert.Equal(new CountResult(50_000, CountSource.Exact), await f.Counter.ExactAsync(HealthCheckQueries.Parse(("province", "ZA-GP")), default));

        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Counter.ExactAsync(HealthCheckQueries.Parse(), cts.Token));
    }
}
