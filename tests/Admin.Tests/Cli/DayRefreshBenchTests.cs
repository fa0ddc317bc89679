using Admin.Testing;

namespace Admin.Tests.Cli;

/// <summary>`bench --only dayrefresh` writes a day of rows and takes them away again: the table and the rollups end as they began.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DayRefreshBenchTests
{
    [Fact]
    public async Task The_day_of_rows_it_adds_is_gone_afterwards_and_the_rollups_still_count_the_table()
    {
        await using var db = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(db, "seed", "--rows", "3000", "--vaccine-rows", "0", "--seed", "7")).Exit);
        Assert.Equal(0, (await CliRunner.RunAsync(db, "rollups", "--rebuild")).Exit);
        var before = await db.ScalarAsync<long>("SELECT count(*) FROM health_checks");
        var newestDay = await db.ScalarAsync<long>("""SELECT count(*) FROM health_checks WHERE "timestamp" > (SELECT max("timestamp") FROM health_checks) - interval '1 day'""");

        var run = await CliRunner.RunAsync(db, "bench", "--only", "dayrefresh", "--iterations", "2");

        Assert.Equal(0, run.Exit);
        Assert.True(newestDay > 0, "the seed's newest day has rows to copy");
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks WHERE deduplication_id LIKE 'bench-day-%'"));
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT sum(checks)::bigint FROM rollup_district_days"));
        Assert.Equal(before, await db.ScalarAsync<long>("SELECT sum(checks)::bigint FROM rollup_district_day_totals"));
        // Each run's copies were counted, then uncounted: the refreshes recounted the day after the newest.
        Assert.Equal(0L, await db.ScalarAsync<long>("""
            SELECT count(*) FROM rollup_district_days
            WHERE day > (SELECT max(("timestamp" AT TIME ZONE 'Africa/Johannesburg')::date) FROM health_checks)
            """));
    }
}
