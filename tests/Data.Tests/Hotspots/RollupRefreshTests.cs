using Admin.Data.Domain;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Hotspots;

public class RollupRefreshTests : IAsyncLifetime
{
    // The data spans a month boundary, so month-to-date totals and month ends are exercised.
    private static readonly DateOnly LastDay = new(2021, 2, 6);
    private TestDatabase _db = null!;
    private RollupRefresher _refresher = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _refresher = TestRollups.Refresher(_db.DataSource, new HotspotOptions());
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 20, seed: 7, checksPerMillion: 5).Concat(EdgeCases()));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    // Rows the rollups could get wrong: day edges (22:30 UTC is already tomorrow in Johannesburg), no district,
    // no location, half a location, critical risk, a point exactly on a cell edge.
    private static IEnumerable<CheckRow> EdgeCases()
    {
        var day = new DateTimeOffset(2021, 1, 20, 0, 0, 0, TimeSpan.Zero);
        yield return new CheckRow(day.AddTicks(-1), Province.Gauteng, "JHB", Risk.High, -26.2, 28.0);
        yield return new CheckRow(day, Province.Gauteng, "JHB", Risk.High, -26.2, 28.0);
        yield return new CheckRow(day.AddHours(22.5), Province.Gauteng, "JHB", Risk.Critical, -26.25, 28.0);
        yield return new CheckRow(day.AddHours(3), Province.Limpopo, null, Risk.Low, -23.9, 29.45);
        yield return new CheckRow(day.AddHours(4), Province.Limpopo, null, Risk.Low);
        yield return new CheckRow(day.AddHours(5), Province.WesternCape, "CPT", Risk.Moderate, -33.9, null);
    }

    [Fact]
    public async Task A_month_left_pending_by_an_interrupted_refresh_is_summed_again_by_the_next()
    {
        await _refresher.RebuildAsync();
        await AssertRollupsMatchBaseTableAsync();
        // As if a refresh had committed its days and stopped before January's month rollups (outside its look-back).
        await _db.ExecuteAsync("""
            UPDATE rollup_district_months SET checks = checks + 5 WHERE month = '2021-01-01';
            DELETE FROM rollup_cell_month_to_date WHERE day BETWEEN '2021-01-10' AND '2021-01-31';
            UPDATE rollup_watermarks SET months_pending = '{2021-01-01}';
            """);

        var result = await _refresher.RefreshAsync();

        Assert.True(result.Ran);
        Assert.False(result.FullRebuild);
        await AssertRollupsMatchBaseTableAsync();
        Assert.Empty(await _db.ScalarAsync<DateOnly[]>("SELECT months_pending FROM rollup_watermarks"));
    }

    [Fact]
    public async Task The_merge_counts_and_compares_everything_before_its_first_write()
    {
        // The top of the plan is the materialized count of all changes: the writes are init plans of the select list,
        // run after it. Were the planner to drop that scan, the first write (and a transaction id) would come mid-count.
        await using var explain = _db.DataSource.CreateCommand("EXPLAIN (COSTS OFF) " + RollupSql.MergeAll);
        explain.Parameters.AddWithValue(RollupDay.ZoneParameter, Admin.Data.Time.DisplayTimeZone.DefaultId); // days are local days
        var plan = (string)(await explain.ExecuteScalarAsync())!;
        Assert.StartsWith("CTE Scan on counted", plan);
    }

    private async Task AssertRollupsMatchBaseTableAsync()
    {
        var districtDirect = await RollupOracle.DistrictDirectAsync(_db);
        Assert.NotEmpty(districtDirect);
        Assert.Equal(districtDirect, await RollupOracle.DistrictRollupAsync(_db));
        Assert.Equal(await RollupOracle.CellDirectAsync(_db), await RollupOracle.CellRollupAsync(_db));
        Assert.Equal(await RollupOracle.CellTotalsDirectAsync(_db), await RollupOracle.CellTotalsRollupAsync(_db));
        Assert.Equal(await RollupOracle.DistrictMonthDirectAsync(_db), await RollupOracle.DistrictMonthRollupAsync(_db));
        Assert.Equal(await RollupOracle.ProvinceDayDirectAsync(_db), await RollupOracle.ProvinceDayRollupAsync(_db));
        Assert.Equal(await RollupOracle.DistrictDayTotalDirectAsync(_db), await RollupOracle.DistrictDayTotalRollupAsync(_db));
    }

    // The dashboard's answers from the rollups (running totals included) against the same questions put to the base
    // table, for periods inside the data, straddling its start, and running past its end.
    private async Task AssertDashboardMatchesBaseTableAsync()
    {
        var queries = new HotspotQueries(_db.DataSource, Options.Create(new HotspotOptions()), TimeProvider.System);
        HotspotPeriod[] periods =
        [
            HotspotPeriod.Ending(LastDay, 7),
            HotspotPeriod.Ending(LastDay.AddDays(-4), 10),
            new(LastDay.AddDays(-40), LastDay.AddDays(-15)),
            new(LastDay.AddDays(-5), LastDay.AddDays(10)),
            new(LastDay.AddDays(-12), LastDay.AddDays(-7)), // across the month boundary, ending before the newest day
            new(LastDay.AddDays(-400), LastDay.AddDays(400)),
        ];
        foreach (var period in periods)
        {
            var rollups = await queries.SnapshotAsync(period, HotspotSource.Rollups);
            var direct = await queries.SnapshotAsync(period, HotspotSource.BaseTable);
            Assert.Equal(direct.Districts, rollups.Districts);
            Assert.Equal(RollupOracle.SortedCells(direct.Cells), RollupOracle.SortedCells(rollups.Cells));
            Assert.Equal(direct.Trend, rollups.Trend);
        }
    }


    [Fact]
    public async Task First_refresh_counts_every_row()
    {
        var result = await _refresher.RefreshAsync();

        Assert.True(result.Ran);
        Assert.True(result.FullRebuild);
        await AssertRollupsMatchBaseTableAsync();
        var total = await _db.ScalarAsync<long>("SELECT count(*) FROM health_checks");
        Assert.Equal(total, await _db.ScalarAsync<long>("SELECT sum(checks) FROM rollup_district_days"));
    }

    [Fact]
    public async Task A_rebuild_analyzes_every_rollup_table()
    {
        var tables = await _db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_user_tables WHERE relname LIKE 'rollup\\_%'");

        await _refresher.RebuildAsync();

        Assert.True(tables >= 7, $"{tables} rollup tables");
        Assert.Equal(tables, await _db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_user_tables WHERE relname LIKE 'rollup\\_%' AND last_analyze IS NOT NULL"));
    }

    [Fact]
    public async Task Rows_on_recent_and_new_days_are_counted_by_the_next_refresh_which_recounts_only_their_days()
    {
        await _refresher.RefreshAsync();
        var random = new Random(11);
        await CheckRows.InsertAsync(_db.DataSource,
        [
            new(SyntheticChecks.At(LastDay, random), Province.KwaZuluNatal, "DC22", Risk.High, -29.6, 30.4),       // late, newest day
            new(SyntheticChecks.At(LastDay.AddDays(-2), random), Province.KwaZuluNatal, "DC22", Risk.High, -29.6, 30.4), // late, 2 days back
            new(SyntheticChecks.At(LastDay.AddDays(-3), random), Province.FreeState, "MAN", Risk.Low, -29.1, 26.2),  // late, edge of the lookback
            new(SyntheticChecks.At(LastDay.AddDays(1), random), Province.Gauteng, "TSH", Risk.Moderate, -25.7, 28.2), // a new day
        ]);

        var result = await _refresher.RefreshAsync();

        Assert.True(result.Ran);
        Assert.False(result.FullRebuild);
        // Exactly the days written to: the change feed's index finds rows not in the last refresh's snapshot.
        Assert.Equal([LastDay.AddDays(-3), LastDay.AddDays(-2), LastDay, LastDay.AddDays(1)], result.Days);
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
    }

    [Fact]
    public async Task Counts_that_vanish_within_the_lookback_are_removed_and_changed_ones_rewritten()
    {
        await _refresher.RefreshAsync();
        // Whole keys disappear (every JHB check of the last day), others shrink (half of the day before's high risk).
        // Days are local (SAST) days.
        var zone = Admin.Data.Time.DisplayTimeZone.Default;
        await _db.ExecuteAsync($"DELETE FROM health_checks WHERE district_code = 'JHB' AND \"timestamp\" >= '{zone.StartOf(LastDay):O}'");
        await _db.ExecuteAsync($"""
            DELETE FROM health_checks WHERE risk = 'high' AND "timestamp" >= '{zone.StartOf(LastDay.AddDays(-1)):O}' AND "timestamp" < '{zone.StartOf(LastDay):O}'
              AND left(id::text, 1) < '8'
            """);

        var result = await _refresher.RefreshAsync();

        Assert.False(result.FullRebuild);
        Assert.Contains(LastDay, result.Days);
        Assert.Contains(LastDay.AddDays(-1), result.Days);
        Assert.True(result.DistrictRows > 0);
        Assert.Equal(0, await _db.ScalarAsync<long>($"SELECT count(*) FROM rollup_district_days WHERE district_code = 'JHB' AND day = '{LastDay:yyyy-MM-dd}'"));
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
    }

    [Fact]
    public async Task A_refresh_with_nothing_new_recounts_no_day_and_writes_nothing_but_the_watermark()
    {
        await _refresher.RefreshAsync();
        var before = await WatermarkAsync();

        var again = await _refresher.RefreshAsync();

        Assert.True(again.Ran);
        Assert.False(again.FullRebuild);
        Assert.Empty(again.Days);
        Assert.Equal((0, 0, 0, 0), (again.DistrictRows, again.DistrictMonthRows, again.CellRows, again.MonthToDateRows));
        // The watermark still moves: the dashboard's freshness, and the snapshot the next refresh compares with.
        var after = await WatermarkAsync();
        Assert.True(after.RefreshedAt > before.RefreshedAt);
        Assert.NotEqual(before.Snapshot, after.Snapshot);
        Assert.Equal(before.HighWater, after.HighWater);
        await AssertRollupsMatchBaseTableAsync();
    }

    private async Task<(DateTime RefreshedAt, string Snapshot, DateTime HighWater)> WatermarkAsync()
    {
        await using var cmd = _db.DataSource.CreateCommand("SELECT refreshed_at, xid_snapshot, high_water FROM rollup_watermarks");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetDateTime(0), reader.GetString(1), reader.GetDateTime(2));
    }

    // The instants of a local (display-zone) day, as SQL literals.
    private static string DaySql(DateOnly day)
    {
        var zone = Admin.Data.Time.DisplayTimeZone.Default;
        return $"\"timestamp\" >= '{zone.StartOf(day):O}' AND \"timestamp\" < '{zone.StartOf(day.AddDays(1)):O}'";
    }

    [Fact]
    public async Task Rows_deleted_from_an_old_day_are_uncounted_by_the_next_refresh()
    {
        await _refresher.RefreshAsync();
        var day = LastDay.AddDays(-10);
        await using (var delete = _db.DataSource.CreateCommand($"DELETE FROM health_checks WHERE id IN (SELECT id FROM health_checks WHERE {DaySql(day)} ORDER BY id LIMIT 5)"))
            Assert.Equal(5, await delete.ExecuteNonQueryAsync());

        var result = await _refresher.RefreshAsync();

        Assert.False(result.FullRebuild);
        Assert.Contains(day, result.Days);
        // A deleted row leaves its UTC date: the display-zone days that date overlaps, no others.
        Assert.All(result.Days, d => Assert.InRange(d, day.AddDays(-1), day.AddDays(1)));
        Assert.True(result.DistrictRows > 0);
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_vacated_days"));
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
        Assert.Empty((await _refresher.RefreshAsync()).Days);
    }

    [Fact]
    public async Task Rows_updated_to_another_day_or_district_are_counted_where_they_now_are_and_uncounted_where_they_were()
    {
        await _refresher.RefreshAsync();
        var (from, to, sameDay) = (LastDay.AddDays(-12), LastDay.AddDays(-17), LastDay.AddDays(-15));
        // One row moves five days back and to another district; another changes district on its own (old) day. Both
        // stay in Gauteng: the dashboard places a district by its province.
        await _db.ExecuteAsync($"""
            UPDATE health_checks SET "timestamp" = "timestamp" - interval '5 days', district_code = 'TSH'
            WHERE id = (SELECT id FROM health_checks WHERE {DaySql(from)} AND district_code IN ('JHB', 'EKU') ORDER BY id LIMIT 1);
            UPDATE health_checks SET district_code = 'TSH'
            WHERE id = (SELECT id FROM health_checks WHERE {DaySql(sameDay)} AND district_code IN ('JHB', 'EKU') ORDER BY id LIMIT 1);
            """);
        Assert.Equal(2, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_vacated_days"));

        var result = await _refresher.RefreshAsync();

        Assert.False(result.FullRebuild);
        Assert.Contains(from, result.Days);
        Assert.Contains(to, result.Days);
        Assert.Contains(sameDay, result.Days);
        Assert.True(result.DistrictRows >= 4, $"{result.DistrictRows} district rows written");
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
    }

    [Fact]
    public async Task A_delete_committed_after_a_refresh_took_its_snapshot_is_counted_by_the_next()
    {
        await _refresher.RefreshAsync();
        var day = LastDay.AddDays(-14);
        await using var writer = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await writer.BeginTransactionAsync();
        await using (var delete = new Npgsql.NpgsqlCommand($"DELETE FROM health_checks WHERE id IN (SELECT id FROM health_checks WHERE {DaySql(day)} ORDER BY id LIMIT 3)", writer, tx))
            Assert.Equal(3, await delete.ExecuteNonQueryAsync());

        var during = await _refresher.RefreshAsync(); // the delete (and its vacated date) is not committed: not seen, not cleared
        await tx.CommitAsync();
        var after = await _refresher.RefreshAsync();

        Assert.DoesNotContain(day, during.Days);
        Assert.Contains(day, after.Days);
        await AssertRollupsMatchBaseTableAsync();
    }

    [Fact]
    public async Task The_newest_day_moving_forward_past_a_gap_or_back_keeps_month_to_date_totals_running_to_it()
    {
        await _refresher.RefreshAsync();
        // Two days after the newest, nothing between: every cell's month total is carried across the gap.
        await CheckRows.InsertAsync(_db.DataSource,
            [new(SyntheticChecks.At(LastDay.AddDays(3), new Random(8)), Province.Gauteng, "TSH", Risk.High, -25.7, 28.2)]);
        var forward = await _refresher.RefreshAsync();

        Assert.Equal([LastDay.AddDays(3)], forward.Days);
        await AssertRollupsMatchBaseTableAsync();

        // Then that day and the two before the old newest day go: the totals end on the day before them.
        await _db.ExecuteAsync($"""DELETE FROM health_checks WHERE "timestamp" >= '{Admin.Data.Time.DisplayTimeZone.Default.StartOf(LastDay.AddDays(-1)):O}'""");
        var back = await _refresher.RefreshAsync();

        Assert.False(back.FullRebuild);
        Assert.Contains(LastDay.AddDays(3), back.Days);
        Assert.Contains(LastDay.AddDays(-1), back.Days);
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
    }

    [Fact]
    public async Task A_truncated_table_is_counted_again_in_full()
    {
        await _refresher.RefreshAsync();
        await _db.ExecuteAsync("TRUNCATE health_checks");
        await CheckRows.InsertAsync(_db.DataSource,
            [new(SyntheticChecks.At(LastDay, new Random(4)), Province.Gauteng, "TSH", Risk.High, -25.7, 28.2)]);

        var result = await _refresher.RefreshAsync();

        Assert.True(result.FullRebuild);
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT sum(checks) FROM rollup_district_days"));
        await AssertRollupsMatchBaseTableAsync();
    }

    [Fact]
    public async Task Rows_older_than_the_lookback_are_counted_by_the_next_refresh()
    {
        await _refresher.RefreshAsync();
        var random = new Random(3);
        await CheckRows.InsertAsync(_db.DataSource,
        [
            new(SyntheticChecks.At(LastDay.AddDays(-10), random), Province.NorthWest, "DC37", Risk.High, -25.5, 27.3),
            new(SyntheticChecks.At(LastDay.AddDays(-10), random), Province.NorthWest, "DC37", Risk.High, -25.5, 27.3),
            new(SyntheticChecks.At(LastDay.AddDays(-200), random), Province.Limpopo, "DC35", Risk.Low, -23.9, 29.4), // before any other data
        ]);

        var result = await _refresher.RefreshAsync();

        Assert.False(result.FullRebuild);
        // The horizon is cluster-wide (a transaction open in another test's database holds it back), but rows the last
        // refresh's snapshot saw are left out: exactly these days.
        Assert.Equal([LastDay.AddDays(-200), LastDay.AddDays(-10)], result.Days);
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();

        var again = await _refresher.RefreshAsync();
        Assert.Equal((0, 0, 0, 0), (again.DistrictRows, again.DistrictMonthRows, again.CellRows, again.MonthToDateRows));
    }

    [Fact]
    public async Task An_old_row_committed_after_a_refresh_took_its_snapshot_is_counted_by_the_next()
    {
        await _refresher.RefreshAsync();
        await using var writer = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await writer.BeginTransactionAsync();
        await CheckRows.InsertAsync(writer, [new(SyntheticChecks.At(LastDay.AddDays(-12), new Random(5)), Province.FreeState, "MAN", Risk.High, -29.1, 26.2)]);

        await _refresher.RefreshAsync(); // the insert is not committed: this refresh cannot see it
        await tx.CommitAsync();
        Assert.NotEqual(await RollupOracle.DistrictDirectAsync(_db), await RollupOracle.DistrictRollupAsync(_db));

        var after = await _refresher.RefreshAsync();

        Assert.Equal([LastDay.AddDays(-12)], after.Days);
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
    }

    [Fact]
    public async Task Late_rows_on_many_old_days_make_the_refresh_a_rebuild()
    {
        await _refresher.RefreshAsync();
        var random = new Random(9);
        await CheckRows.InsertAsync(_db.DataSource, Enumerable.Range(0, RollupRefresher.MaxChangedDays + 1)
            .Select(d => new CheckRow(SyntheticChecks.At(LastDay.AddDays(-30 - d), random), Province.Gauteng, "TSH", Risk.Moderate, -25.7, 28.2)));

        var result = await _refresher.RefreshAsync();

        Assert.True(result.FullRebuild);
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
    }

    // The cells with month-to-date rows in the month of a day: what one late row there may rewrite (the rest of its month).
    private Task<long> CellsInMonthAsync(DateOnly day) => _db.ScalarAsync<long>($"""
        SELECT count(DISTINCT (cell_row, cell_column)) FROM rollup_cell_month_to_date
        WHERE date_trunc('month', day::timestamp) = date_trunc('month', '{day:yyyy-MM-dd}'::timestamp)
        """);

    [Fact]
    public async Task Rows_years_after_the_rest_and_a_late_row_from_the_first_day_rewrite_at_most_a_month_per_cell()
    {
        var first = await _refresher.RefreshAsync();
        var firstDay = DateOnly.Parse(await _db.ScalarAsync<string>("SELECT min(day)::text FROM rollup_cell_days"), System.Globalization.CultureInfo.InvariantCulture);
        var cellsInLastMonth = await CellsInMonthAsync(LastDay);
        var random = new Random(21);
        var years = LastDay.AddYears(3);

        // Three years after everything else (a client with a wrong clock): the old running totals would have carried
        // every cell across the gap (~1,100 days x cells); month-to-date totals end each cell's month where it ends.
        await CheckRows.InsertAsync(_db.DataSource,
            [new(SyntheticChecks.At(years, random), Province.Gauteng, "TSH", Risk.High, -25.7, 28.2, "USSD")]);
        var future = await _refresher.RefreshAsync();

        Assert.False(future.FullRebuild);
        Assert.Equal([years], future.Days);
        Assert.InRange(future.MonthToDateRows, 1, 31 * (cellsInLastMonth + 1));
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();

        // Then a late row on the very first day: only the rest of that month of that one cell changes.
        await CheckRows.InsertAsync(_db.DataSource,
            [new(SyntheticChecks.At(firstDay, random), Province.Gauteng, "TSH", Risk.High, -25.7, 28.2, "Web")]);
        var late = await _refresher.RefreshAsync();

        Assert.Equal([firstDay], late.Days);
        Assert.InRange(late.MonthToDateRows, 1, 31);
        Assert.True(first.MonthToDateRows > 31, "the first refresh wrote every cell's month");
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
        var (from, to) = (firstDay, years);
        var queries = new HotspotQueries(_db.DataSource, Options.Create(new HotspotOptions()), TimeProvider.System);
        var all = await queries.SnapshotAsync(new HotspotPeriod(from, to), HotspotSource.Rollups);
        var direct = await queries.SnapshotAsync(new HotspotPeriod(from, to), HotspotSource.BaseTable);
        Assert.Equal(RollupOracle.SortedCells(direct.Cells), RollupOracle.SortedCells(all.Cells));
    }

    [Fact]
    public async Task A_rebuild_recounts_everything()
    {
        await _refresher.RefreshAsync();
        await _db.ExecuteAsync("UPDATE rollup_district_days SET checks = checks + 1");

        var rebuild = await _refresher.RebuildAsync();

        Assert.True(rebuild.FullRebuild);
        await AssertRollupsMatchBaseTableAsync();
        await AssertDashboardMatchesBaseTableAsync();
    }

    [Fact]
    public async Task A_refresh_is_skipped_while_another_node_holds_the_lock()
    {
        await using var otherNode = await _db.DataSource.OpenConnectionAsync();
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({RollupKeys.RefreshLockKey})", otherNode))
            await take.ExecuteNonQueryAsync();

        var whileLocked = await _refresher.RefreshAsync();
        var watermarksWhileLocked = await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_watermarks");

        await using (var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({RollupKeys.RefreshLockKey})", otherNode))
            await release.ExecuteNonQueryAsync();
        var afterwards = await _refresher.RefreshAsync();

        Assert.False(whileLocked.Ran);
        Assert.Equal(0, watermarksWhileLocked);
        Assert.True(afterwards.Ran);
        await AssertRollupsMatchBaseTableAsync();
    }

    [Fact]
    public async Task Cells_are_binned_the_same_in_SQL_and_in_GridCell()
    {
        await _refresher.RefreshAsync();
        // The edge-case point at exactly -26.25 sits on a cell edge: both sides must put it in the cell to its north-east.
        var expected = GridCell.Of(-26.25, 28.0);
        var found = await _db.ScalarAsync<long>(
            $"SELECT count(*) FROM rollup_cell_days WHERE cell_row = {expected.Row} AND cell_column = {expected.Column} AND risk = 'critical'");
        Assert.Equal(1, found);
        Assert.Equal(-26.25, expected.South);
    }

    [Fact]
    public async Task Days_are_local_days()
    {
        await _refresher.RefreshAsync();
        // 22:30 UTC on the 20th is 00:30 SAST on the 21st: the display zone's day, as the records grid's from/to.
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_district_days WHERE day = '2021-01-21' AND district_code = 'JHB' AND risk = 'critical'"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_district_days WHERE day = '2021-01-20' AND risk = 'critical'"));
    }
}
