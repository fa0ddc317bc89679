using Admin.Data.Counting;
using Admin.Data.Domain;
using Admin.Data.Hotspots;
using Admin.Data.Listing;
using Admin.Data.Reference;
using Admin.Data.Rollups;
using Admin.Data.Tests.Listing;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Counting;

/// <summary>
/// The facet counts beside the grid's filters and the timeline beside it, against count(*) of the same filters on a
/// small table: six weeks of dense checks plus sparse ones over two years (so spans per day, week and month all
/// occur), after a refresh and with rows the refresh has not seen.
/// </summary>
public sealed class FacetAndTimelineTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2021, 3, 12);
    private TestDatabase _db = null!;
    private RollupRefresher _refresher = null!;
    private RollupCounter _counter = null!;
    private RollupTimeline _timelines = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _refresher = TestRollups.Refresher(_db.DataSource, new HotspotOptions());
        _counter = new RollupCounter(_db.DataSource, Options.Create(new CountOptions()));
        _timelines = new RollupTimeline(_db.DataSource, Options.Create(new CountOptions()));
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 42, seed: 17, checksPerMillion: 2));
        await CheckRows.InsertAsync(_db.DataSource, Sparse(new DateOnly(2019, 3, 1), LastDay, everyDays: 3, seed: 5));
        await _refresher.RefreshAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    // One check every few days over a long span, cycling through districts, risks and sources.
    private static IEnumerable<CheckRow> Sparse(DateOnly from, DateOnly to, int everyDays, int seed)
    {
        var random = new Random(seed);
        var i = 0;
        for (var day = from; day <= to; day = day.AddDays(everyDays), i++)
        {
            var district = Districts.All[i * 7 % Districts.All.Count];
            yield return new CheckRow(SyntheticChecks.At(day, random), district.Province, district.Code, (Risk)(i % 4),
                -26, 28, SyntheticChecks.Sources[i % 3]);
        }
    }

    private static readonly (string, string?)[][] Filters =
    [
        [],
        [("province", "ZA-GP")],
        [("province", "ZA-KZN"), ("risk", "high")],
        [("district", "TSH")],
        [("province", "ZA-GP"), ("district", "JHB")],
        [("district", "DC22"), ("risk", "low")],
        [("source", "USSD")],
        [("risk", "critical")],
        [("from", "2021-02-10"), ("to", "2021-03-03")],
        [("province", "ZA-GP"), ("from", "2020-06-01"), ("to", "2021-01-31")],
        [("risk", "moderate"), ("from", "2020-11-17"), ("to", "2021-02-28")],
        [("source", "Web"), ("from", "2021-03-11")],
        [("district", "CPT"), ("to", "2020-02-14")],
    ];

    private static string Name((string, string?)[] filter) => string.Join("&", filter.Select(f => f.Item1 + "=" + f.Item2));

    private async Task AssertFacetsEqualCountStarAsync(string when)
    {
        foreach (var filter in Filters)
        {
            var query = HealthCheckQueries.Parse(filter);
            var cube = await _counter.CubeAsync(query, default);
            Assert.True(cube is not null, $"{when}: no cube for {Name(filter)}");
            var facets = FacetCounts.Of(query, cube);
            Assert.Equal(new[] { "district", "province", "risk", "source" }, facets.Keys.Order(StringComparer.Ordinal));
            foreach (var facet in query.Table.Filters.Where(f => facets.ContainsKey(f.Name)))
            {
                // count(*) per option with every other filter the person chose (a district's province included).
                var others = filter.Where(f => f.Item1 is not ("from" or "to") && f.Item1 != facet.Name).ToList();
                if (facet.Name != "province" && filter.Any(f => f.Item1 == "district") && others.All(f => f.Item1 != "province"))
                    others.Add(("province", Codes<Province>.ToCode(Districts.Find(filter.First(f => f.Item1 == "district").Item2!)!.Province)));
                var expected = await GroupAsync(facet.Column, others.Select(o => (query.Table.FindFilter(o.Item1)!.Column, o.Item2!)), query);
                Assert.True(expected.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(facets[facet.Name].OrderBy(p => p.Key, StringComparer.Ordinal)),
                    $"{when}: {Name(filter)}, facet {facet.Name}: rollups {Show(facets[facet.Name])}, count(*) {Show(expected)}");
            }
        }
    }

    private static string Show(IEnumerable<KeyValuePair<string, long>> counts) => string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    // count(*) per value of `column` under `filters` and the query's date range (the district column as the rollups key it).
    private async Task<Dictionary<string, long>> GroupAsync(string column, IEnumerable<(string Column, string Value)> filters, ListQuery<Entities.HealthCheck> query)
    {
        var ps = new SqlParameters();
        var dates = query.Dates is null ? "" : " AND " + HealthCheckQueries.Parse(query.ToParameters().Where(p => p.Key is "from" or "to").Select(p => (p.Key, (string?)p.Value)).ToArray()).WhereSql(ps);
        var where = string.Concat(filters.Select(f => $" AND \"{f.Column}\" = {ps.Add(f.Value)}"));
        await using var cmd = _db.DataSource.CreateCommand($"""
            SELECT coalesce("{column}", ''), count(*) FROM health_checks WHERE true{where}{dates} GROUP BY 1
            """);
        cmd.Parameters.AddRange(ps.List.ToArray());
        var rows = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetInt64(1);
        return rows;
    }

    [Fact]
    public async Task Each_option_counts_what_choosing_it_would_give_under_the_other_filters()
    {
        await AssertFacetsEqualCountStarAsync("after a refresh");
        // Rows the refresh has not seen, on old and new days: the facets include them, as the label does.
        await CheckRows.InsertAsync(_db.DataSource, Sparse(new DateOnly(2020, 1, 5), LastDay, everyDays: 11, seed: 9));
        await AssertFacetsEqualCountStarAsync("with rows the refresh has not seen");
    }

    [Fact]
    public async Task Districts_within_a_province_are_the_only_ones_counted()
    {
        var query = HealthCheckQueries.Parse(("province", "ZA-GP"));
        var facets = FacetCounts.Of(query, (await _counter.CubeAsync(query, default))!);
        var gauteng = Districts.All.Where(d => d.Province == Province.Gauteng).Select(d => d.Code).ToHashSet();
        Assert.NotEmpty(facets["district"]);
        Assert.All(facets["district"].Keys, code => Assert.Contains(code, gauteng));
        // The district chosen, the province dropped from the query: its siblings are still the ones counted.
        var narrowed = HealthCheckQueries.Parse(("province", "ZA-GP"), ("district", "JHB"));
        Assert.DoesNotContain(narrowed.Filters, f => f.Definition.Name == "province");
        var siblings = FacetCounts.Of(narrowed, (await _counter.CubeAsync(narrowed, default))!);
        Assert.Equal(facets["district"], siblings["district"]);
    }

    private async Task AssertTimelinesEqualCountStarAsync(string when)
    {
        var units = new HashSet<TimelineUnit>();
        foreach (var filter in Filters)
        {
            var query = HealthCheckQueries.Parse(filter);
            var timeline = await _timelines.TryReadAsync(query, default);
            Assert.True(timeline is not null, $"{when}: no timeline for {Name(filter)}");
            units.Add(timeline.Unit);
            var ps = new SqlParameters();
            var where = query.WhereSql(ps);
            var unit = timeline.Unit.ToString().ToLowerInvariant();
            await using var cmd = _db.DataSource.CreateCommand($"""
                SELECT date_trunc('{unit}', "timestamp" AT TIME ZONE '{Admin.Data.Time.DisplayTimeZone.DefaultId}')::date, count(*) FROM health_checks
                {(where.Length > 0 ? "WHERE " + where : "")} GROUP BY 1
                """);
            cmd.Parameters.AddRange(ps.List.ToArray());
            var expected = new Dictionary<DateOnly, long>();
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync()) expected[reader.GetFieldValue<DateOnly>(0)] = reader.GetInt64(1);

            // Dense, in order, one bucket per unit from From to To, the first clipped to From.
            Assert.Equal(timeline.From, timeline.Buckets[0].Start);
            for (var i = 1; i < timeline.Buckets.Count; i++)
            {
                Assert.Equal(Timeline.Truncate(timeline.Buckets[i].Start, timeline.Unit), timeline.Buckets[i].Start);
                Assert.Equal(Timeline.Next(Timeline.Truncate(timeline.Buckets[i - 1].Start, timeline.Unit), timeline.Unit), timeline.Buckets[i].Start);
            }
            Assert.True(timeline.To > timeline.Buckets[^1].Start);
            var got = timeline.Buckets.Where(b => b.Count > 0).ToDictionary(b => Timeline.Truncate(b.Start, timeline.Unit), b => b.Count);
            Assert.True(expected.OrderBy(p => p.Key).SequenceEqual(got.OrderBy(p => p.Key)),
                $"{when}: {Name(filter)} per {unit}: timeline {string.Join(", ", got.OrderBy(p => p.Key).Select(p => $"{p.Key:yyyy-MM-dd}={p.Value}"))}; count(*) {string.Join(", ", expected.OrderBy(p => p.Key).Select(p => $"{p.Key:yyyy-MM-dd}={p.Value}"))}");
            if (query.Dates?.From is { } from) Assert.True(timeline.From >= from);
            if (query.Dates?.To is { } to) Assert.True(timeline.To <= to.AddDays(1));
        }
        Assert.Equal(new[] { TimelineUnit.Day, TimelineUnit.Week, TimelineUnit.Month }, units.Order());
    }

    [Fact]
    public async Task Timeline_buckets_hold_the_count_of_their_days()
    {
        await AssertTimelinesEqualCountStarAsync("after a refresh");
        await CheckRows.InsertAsync(_db.DataSource, Sparse(new DateOnly(2019, 9, 2), LastDay.AddDays(20), everyDays: 13, seed: 3));
        await AssertTimelinesEqualCountStarAsync("with rows the refresh has not seen");
    }

    [Fact]
    public async Task While_months_are_pending_month_buckets_are_summed_from_days()
    {
        await _db.ExecuteAsync("UPDATE rollup_district_months SET checks = checks + 1000; UPDATE rollup_watermarks SET months_pending = '{2021-02-01}'");
        await AssertTimelinesEqualCountStarAsync("while months are pending");
    }

    [Fact]
    public async Task A_search_has_no_timeline_and_no_facets()
    {
        var query = HealthCheckQueries.Parse(("q", "0821234567"), ("in", "phone"));
        Assert.Null(await _timelines.TryReadAsync(query, default));
        Assert.False(RollupCounter.Covers(query));
    }

    [Fact]
    public async Task Before_the_first_refresh_there_is_no_timeline()
    {
        await _db.ExecuteAsync("UPDATE rollup_watermarks SET xid_snapshot = NULL");
        Assert.Null(await _timelines.TryReadAsync(HealthCheckQueries.Parse(), default));
    }
}
