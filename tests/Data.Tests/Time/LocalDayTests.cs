using Admin.Data.Counting;
using Admin.Data.Domain;
using Admin.Data.Hotspots;
using Admin.Data.Listing;
using Admin.Data.Rollups;
using Admin.Data.Tests.Hotspots;
using Admin.Data.Tests.Listing;
using Admin.Data.Time;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Time;

/// <summary>
/// Days are the display zone's (SAST, UTC+2): checks a minute either side of local midnight land on their local day
/// in the rollups, the hotspot trend and the timeline; a local date range filters the right instants and the count
/// from the rollups equals count(*) for it; a change of zone rebuilds the rollups in the new zone's days.
/// </summary>
public sealed class LocalDayTests : IAsyncLifetime
{
    private static readonly DisplayTimeZone Sast = new("Africa/Johannesburg");
    // 23:59 SAST on 20 January is 21:59 UTC; 00:01 SAST on the 21st is 22:01 UTC on the 20th (a UTC day would count both on the 20th).
    private static readonly DateTimeOffset BeforeMidnight = new(2021, 1, 20, 21, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterMidnight = new(2021, 1, 20, 22, 1, 0, TimeSpan.Zero);
    // And across a month end: 00:30 SAST on 1 February is 22:30 UTC on 31 January.
    private static readonly DateTimeOffset FirstOfMonth = new(2021, 1, 31, 22, 30, 0, TimeSpan.Zero);
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await CheckRows.InsertAsync(_db.DataSource,
        [
            new CheckRow(BeforeMidnight, Province.Gauteng, "JHB", Risk.High, -26.2, 28.0),
            new CheckRow(AfterMidnight, Province.Gauteng, "JHB", Risk.Critical, -26.2, 28.0),
            new CheckRow(AfterMidnight.AddMinutes(1), Province.Gauteng, "JHB", Risk.Low, -26.2, 28.0, "USSD"),
            new CheckRow(FirstOfMonth, Province.WesternCape, "CPT", Risk.High, -33.9, 18.4),
            // Noise on the days around, local noon.
            .. Enumerable.Range(0, 30).Select(i => new CheckRow(Sast.StartOf(new DateOnly(2021, 1, 10).AddDays(i)).AddHours(12), Province.Gauteng, "TSH", Risk.Moderate)),
        ]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private RollupRefresher Refresher(DisplayTimeZone zone) =>
        new(_db.DataSource, Options.Create(new HotspotOptions()), TimeProvider.System, NullLogger<RollupRefresher>.Instance, zone);

    private Task<long> DistrictDayAsync(string day, string risk) =>
        _db.ScalarAsync<long>($"SELECT coalesce(sum(checks), 0)::bigint FROM rollup_district_days WHERE day = '{day}' AND district_code = 'JHB' AND risk = '{risk}'");

    [Fact]
    public async Task Checks_either_side_of_local_midnight_count_on_their_local_day()
    {
        await Refresher(Sast).RebuildAsync();
        Assert.Equal(1, await DistrictDayAsync("2021-01-20", "high"));
        Assert.Equal(0, await DistrictDayAsync("2021-01-21", "high"));
        Assert.Equal(1, await DistrictDayAsync("2021-01-21", "critical"));
        Assert.Equal(0, await DistrictDayAsync("2021-01-20", "critical"));
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell_days WHERE day = '2021-01-21' AND risk = 'critical'"));
        // The month of the 1 February check is February, in the daily and the monthly rollups.
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT sum(checks)::bigint FROM rollup_district_days WHERE day = '2021-02-01' AND district_code = 'CPT'"));
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT sum(checks)::bigint FROM rollup_district_months WHERE month = '2021-02-01' AND district_code = 'CPT'"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_district_months WHERE month = '2021-01-01' AND district_code = 'CPT'"));
        // Everything equal to a GROUP BY of local days over the table.
        Assert.Equal(await RollupOracle.DistrictDirectAsync(_db), await RollupOracle.DistrictRollupAsync(_db));
        Assert.Equal(await RollupOracle.CellTotalsDirectAsync(_db), await RollupOracle.CellTotalsRollupAsync(_db));
        Assert.Equal("Africa/Johannesburg", await _db.ScalarAsync<string>("SELECT time_zone FROM rollup_watermarks"));
    }

    [Fact]
    public async Task Hotspot_days_and_the_timeline_are_local_days()
    {
        await Refresher(Sast).RefreshAsync();
        var queries = new HotspotQueries(_db.DataSource, Options.Create(new HotspotOptions()), TimeProvider.System, Sast);
        var period = new HotspotPeriod(new DateOnly(2021, 1, 20), new DateOnly(2021, 1, 21));
        foreach (var source in new[] { HotspotSource.Rollups, HotspotSource.BaseTable })
        {
            var snapshot = await queries.SnapshotAsync(period, source);
            var gauteng = snapshot.Trend.Where(t => t.Province == Province.Gauteng).ToDictionary(t => t.Day);
            // 20th: the 23:59 check (high) and the noise at noon; 21st: the two after midnight (one critical) and the noise.
            Assert.Equal((2, 1), (gauteng[period.From].Checks, gauteng[period.From].HighRisk));
            Assert.Equal((3, 1), (gauteng[period.To].Checks, gauteng[period.To].HighRisk));
        }

        var timeline = await new RollupTimeline(_db.DataSource, Options.Create(new CountOptions()), Sast)
            .ReadAsync(new DateOnly(2021, 1, 20), new DateOnly(2021, 1, 22), [("district_code", "JHB")], default);
        Assert.NotNull(timeline);
        Assert.Equal(new[] { new TimelineBucket(new(2021, 1, 20), 1), new TimelineBucket(new(2021, 1, 21), 2) }, timeline.Buckets);
    }

    [Fact]
    public async Task A_local_date_range_filters_local_days_and_its_count_from_the_rollups_is_exact()
    {
        await Refresher(Sast).RefreshAsync();
        var counter = new RollupCounter(_db.DataSource, Options.Create(new CountOptions()), Sast);
        // The 21st alone: from 22:00 UTC on the 20th to 22:00 UTC on the 21st.
        var query = ListQueryParser.Parse(HealthCheckList(), [new("district", "JHB"), new("from", "2021-01-21"), new("to", "2021-01-21")], zone: Sast);
        var ps = new SqlParameters();
        var where = query.WhereSql(ps);
        Assert.Equal(new[] { new DateTimeOffset(2021, 1, 20, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 1, 21, 22, 0, 0, TimeSpan.Zero) },
            ps.List.Select(p => p.Value).OfType<DateTimeOffset>());
        var countStar = await CountStarAsync(where, ps);
        Assert.Equal(2, countStar);
        Assert.Equal(new CountResult(countStar, CountSource.Rollups), await counter.TryCountAsync(query, default));

        // Rows the refresh has not seen, parts of days at either end, and ranges across the local month end.
        await CheckRows.InsertAsync(_db.DataSource, [new CheckRow(AfterMidnight.AddHours(3), Province.Gauteng, "JHB", Risk.High)]);
        foreach (var (from, to) in new[] { ("2021-01-21", "2021-01-21"), ("2021-01-20", "2021-01-31"), ("2021-02-01", "2021-02-01"), ("2021-01-01", "2021-02-28") })
        {
            var q = ListQueryParser.Parse(HealthCheckList(), [new("from", from), new("to", to)], zone: Sast);
            var p = new SqlParameters();
            Assert.Equal(new CountResult(await CountStarAsync(q.WhereSql(p), p), CountSource.Rollups), await counter.TryCountAsync(q, default));
        }
        foreach (var (from, to) in new[] { (AfterMidnight.AddSeconds(-90), AfterMidnight.AddHours(5)), (BeforeMidnight.AddMinutes(-1), FirstOfMonth.AddMinutes(1)) })
        {
            var cube = await counter.CubeAsync(from, to, default);
            var expected = await _db.ScalarAsync<long>($"SELECT count(*) FROM health_checks WHERE \"timestamp\" >= '{from:O}' AND \"timestamp\" < '{to:O}'");
            Assert.Equal(expected, cube!.Count(new Dictionary<string, string>()));
        }
    }

    [Fact]
    public async Task A_change_of_zone_rebuilds_the_rollups_in_the_new_zones_days()
    {
        var utc = new DisplayTimeZone("UTC");
        await Refresher(utc).RebuildAsync();
        // In UTC days both checks around SAST midnight are on the 20th.
        Assert.Equal(1, await DistrictDayAsync("2021-01-20", "critical"));
        Assert.Equal("UTC", await _db.ScalarAsync<string>("SELECT time_zone FROM rollup_watermarks"));
        // Counts in SAST days cannot come from rollups of UTC days: the counter declines (its caller counts the table).
        var query = HealthCheckQueries.Parse(("from", "2021-01-21"), ("to", "2021-01-21"));
        Assert.Null(await new RollupCounter(_db.DataSource, Options.Create(new CountOptions()), Sast).TryCountAsync(query, default));
        Assert.Null(await new RollupTimeline(_db.DataSource, Options.Create(new CountOptions()), Sast).TryReadAsync(query, default));

        // An incremental refresh under the new zone rebuilds.
        var result = await Refresher(Sast).RefreshAsync();
        Assert.True(result.FullRebuild);
        Assert.Equal("Africa/Johannesburg", await _db.ScalarAsync<string>("SELECT time_zone FROM rollup_watermarks"));
        Assert.Equal(0, await DistrictDayAsync("2021-01-20", "critical"));
        Assert.Equal(1, await DistrictDayAsync("2021-01-21", "critical"));
        Assert.Equal(await RollupOracle.DistrictDirectAsync(_db), await RollupOracle.DistrictRollupAsync(_db));
        Assert.Equal(await RollupOracle.DistrictMonthDirectAsync(_db), await RollupOracle.DistrictMonthRollupAsync(_db));
        Assert.NotNull(await new RollupCounter(_db.DataSource, Options.Create(new CountOptions()), Sast).TryCountAsync(query, default));
        // The next refresh is incremental again.
        Assert.False((await Refresher(Sast).RefreshAsync()).FullRebuild);
    }

    private static Admin.Data.Listing.Definitions.TableDefinition<Admin.Data.Entities.HealthCheck> HealthCheckList() => Admin.Data.Entities.HealthCheckList.Definition;

    private async Task<long> CountStarAsync(string where, SqlParameters ps)
    {
        await using var cmd = _db.DataSource.CreateCommand($"SELECT count(*) FROM health_checks WHERE {where}");
        cmd.Parameters.AddRange(ps.List.ToArray());
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
