using Admin.Data.Hotspots;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Hotspots;

/// <summary>
/// Long periods read whole months from the month rollup and only the edge days (and the hotspot windows' days) from the
/// day rollup: the answers must still equal the same questions put to the base table, whichever way the period's ends
/// and windows fall on the months, and while a refresh has left months pending (their month rows lag their days).
/// </summary>
public class HotspotPeriodTests : IAsyncLifetime
{
    // Four months of data, so a period can hold whole months with partial ones at both ends.
    private static readonly DateOnly LastDay = new(2021, 4, 20);
    private TestDatabase _db = null!;
    private HotspotQueries _queries = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 120, seed: 13, checksPerMillion: 2));
        await TestRollups.RebuildAsync(_db.DataSource);
        _queries = new HotspotQueries(_db.DataSource, Options.Create(new HotspotOptions()), TimeProvider.System);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string, string> Periods => new()
    {
        { "2021-01-10", "2021-03-15" },  // whole February, partial months at both ends
        { "2020-12-01", "2021-03-31" },  // whole months only, the windows inside the last one
        { "2021-01-01", "2021-04-20" },  // a year's page: whole months, then the newest days
        { "2020-04-21", "2021-04-20" },  // 365 days ending on the newest day, starting before the data
        { "2021-02-27", "2021-03-02" },  // no whole month, across a month edge
        { "2021-03-01", "2021-03-31" },  // exactly one month, the windows reaching into the month before
        { "2021-02-14", "2021-05-31" },  // past the newest day
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task A_period_over_month_edges_equals_the_base_table(string from, string to)
    {
        await AssertRollupsMatchBaseTableAsync(new HotspotPeriod(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Fact]
    public async Task While_months_are_pending_the_days_are_summed_instead()
    {
        // As if a refresh had committed its days and stopped before February's month rollup: its month rows are stale.
        await _db.ExecuteAsync("""
            UPDATE rollup_district_months SET checks = checks + 5 WHERE month = '2021-02-01';
            UPDATE rollup_watermarks SET months_pending = '{2021-02-01}';
            """);

        await AssertRollupsMatchBaseTableAsync(new HotspotPeriod(new DateOnly(2021, 1, 10), LastDay));
    }

    [Fact]
    public async Task Whole_months_are_read_from_the_month_rollup()
    {
        // A change only the month rollup carries shows in a long period's totals: they were summed from it, not from days.
        var period = new HotspotPeriod(new DateOnly(2021, 1, 10), LastDay);
        var before = await _queries.SnapshotAsync(period);
        await _db.ExecuteAsync("UPDATE rollup_district_months SET checks = checks + 1 WHERE month = '2021-02-01' AND district_code = 'JHB' AND risk = 'low'");

        var after = await _queries.SnapshotAsync(period);

        var sources = await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_district_months WHERE month = '2021-02-01' AND district_code = 'JHB' AND risk = 'low'");
        Assert.True(sources > 0);
        Assert.Equal(before.Districts.Single(d => d.Code == "JHB").Totals.Checks + sources, after.Districts.Single(d => d.Code == "JHB").Totals.Checks);
        Assert.Equal(before.Trend, after.Trend);
    }

    private async Task AssertRollupsMatchBaseTableAsync(HotspotPeriod period)
    {
        var rollups = await _queries.SnapshotAsync(period, HotspotSource.Rollups);
        var direct = await _queries.SnapshotAsync(period, HotspotSource.BaseTable);
        Assert.Equal(direct.Provinces, rollups.Provinces);
        Assert.Equal(direct.Districts, rollups.Districts);
        Assert.Equal(RollupOracle.SortedCells(direct.Cells), RollupOracle.SortedCells(rollups.Cells));
        Assert.Equal(direct.Trend, rollups.Trend);
        Assert.True(rollups.Provinces.Sum(p => p.Totals.Checks) > 0);
        if (period.To <= LastDay) Assert.True(rollups.Districts.Sum(d => d.Totals.RecentHighRisk + d.Totals.BaselineHighRisk) > 0);
    }

}
