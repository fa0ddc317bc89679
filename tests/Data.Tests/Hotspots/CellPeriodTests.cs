using Admin.Data.Hotspots;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Hotspots;

/// <summary>
/// The refresh sums each preset period's map cells ahead (rollup_cell_periods): the page must read that row when it
/// is there, give the base table's answer either way, and sum the cells itself for any other period.
/// </summary>
public class CellPeriodTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2021, 4, 20);
    private TestDatabase _db = null!;
    private HotspotQueries _queries = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        // An outbreak in the last week, so some cells are tested (and one flagged), not only counted.
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 120, seed: 21, checksPerMillion: 2)
            .Concat(SyntheticChecks.Outbreak("DC22", -29.6, 30.38, LastDay.AddDays(-6), LastDay, perDay: 12, seed: 3)));
        await TestRollups.RebuildAsync(_db.DataSource);
        _queries = new HotspotQueries(_db.DataSource, Options.Create(new HotspotOptions()), TimeProvider.System);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static List<HotspotPeriod> Presets(DateOnly first) => PeriodPreset.All.Select(p => p.Resolve(first, LastDay)).Distinct().ToList();

    [Fact]
    public async Task Every_preset_ending_on_the_newest_day_is_summed_ahead_and_equals_the_base_table()
    {
        var first = await _db.ScalarAsync<DateOnly>("SELECT min(day) FROM rollup_district_days");
        var presets = Presets(first);

        Assert.Equal(presets.Count, await _db.ScalarAsync<long>($"SELECT count(*) FROM rollup_cell_periods WHERE period_to = '{LastDay:yyyy-MM-dd}'"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell_periods WHERE cardinality(cell_rows) = 0"));
        foreach (var period in presets)
        {
            var direct = await _queries.SnapshotAsync(period, HotspotSource.BaseTable);
            Assert.NotEmpty(direct.Cells);
            Assert.Contains(direct.Cells, c => c.Assessment.Flagged);
            // Records compare every field: the stored p-values are the ones the rule computes from the base table.
            Assert.Equal(RollupOracle.SortedCells(direct.Cells), RollupOracle.SortedCells((await _queries.SnapshotAsync(period, HotspotSource.Rollups)).Cells));
        }
    }

    [Fact]
    public async Task The_page_reads_a_presets_row_when_there_and_sums_the_cells_itself_when_not()
    {
        var week = HotspotPeriod.Ending(LastDay, 7);
        var summed = RollupOracle.SortedCells((await _queries.SnapshotAsync(week, HotspotSource.Rollups)).Cells);

        // A planted change to the row shows on the page: it is what the page read.
        await _db.ExecuteAsync($"UPDATE rollup_cell_periods SET checks[1] = checks[1] + 1000 WHERE period_from = '{week.From:yyyy-MM-dd}' AND period_to = '{week.To:yyyy-MM-dd}'");
        var planted = RollupOracle.SortedCells((await _queries.SnapshotAsync(week, HotspotSource.Rollups)).Cells);
        Assert.Equal(summed[0].Totals.Checks + 1000, planted[0].Totals.Checks);
        Assert.Equal(summed.Skip(1), planted.Skip(1));

        // Without it, the cells are summed from the month-to-date totals: the base table's answer again.
        await _db.ExecuteAsync("DELETE FROM rollup_cell_periods");
        Assert.Equal(RollupOracle.SortedCells((await _queries.SnapshotAsync(week, HotspotSource.BaseTable)).Cells), RollupOracle.SortedCells((await _queries.SnapshotAsync(week, HotspotSource.Rollups)).Cells));
    }

    [Fact]
    public async Task The_page_takes_each_tested_cells_p_value_from_the_presets_row()
    {
        var week = HotspotPeriod.Ending(LastDay, 7);
        var key = $"period_from = '{week.From:yyyy-MM-dd}' AND period_to = '{week.To:yyyy-MM-dd}'";
        Assert.Equal(0L, await _db.ScalarAsync<long>($"SELECT count(*) FROM rollup_cell_periods WHERE {key} AND cardinality(rise_p) <> cardinality(cell_rows)"));

        // Planted: every p-value 0.5. The page shows it on every tested cell, so none is flagged any more.
        await _db.ExecuteAsync($"UPDATE rollup_cell_periods SET rise_p = array_fill(0.5::float8, ARRAY[cardinality(rise_p)]) WHERE {key}");
        var cells = (await _queries.SnapshotAsync(week, HotspotSource.Rollups)).Cells;

        var tested = cells.Where(c => c.Assessment.Verdict != HotspotVerdict.TooFew).ToList();
        Assert.NotEmpty(tested);
        Assert.All(tested, c => Assert.Equal(0.5, c.Assessment.PValue));
        Assert.DoesNotContain(cells, c => c.Assessment.Flagged);
    }

    [Fact]
    public async Task A_refresh_with_nothing_new_writes_missing_presets_again()
    {
        var refresher = TestRollups.Refresher(_db.DataSource, new HotspotOptions());
        Assert.Equal(0, (await refresher.RefreshAsync()).CellPeriods); // all there: nothing to write

        await _db.ExecuteAsync("DELETE FROM rollup_cell_periods");
        var result = await refresher.RefreshAsync();

        Assert.Equal(0, result.RowsWritten);
        Assert.Equal(Presets(await _db.ScalarAsync<DateOnly>("SELECT min(day) FROM rollup_district_days")).Count, result.CellPeriods);
        Assert.Equal(result.CellPeriods, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell_periods"));
    }

    [Fact]
    public async Task After_the_windows_options_change_a_refresh_writes_the_presets_for_the_new_windows()
    {
        var options = new HotspotOptions { RecentDays = 5, BaselineDays = 20 };

        var result = await TestRollups.Refresher(_db.DataSource, options).RefreshAsync();

        Assert.Equal(0, result.RowsWritten);
        Assert.True(result.CellPeriods > 0);
        Assert.Equal((long)result.CellPeriods, await _db.ScalarAsync<long>(
            $"SELECT count(*) FROM rollup_cell_periods WHERE recent_from = '{LastDay.AddDays(-4):yyyy-MM-dd}' AND baseline_from = '{LastDay.AddDays(-24):yyyy-MM-dd}'"));
        Assert.Equal(result.CellPeriods, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell_periods"));
        var queries = new HotspotQueries(_db.DataSource, Options.Create(options), TimeProvider.System);
        var week = HotspotPeriod.Ending(LastDay, 7);
        Assert.Equal(RollupOracle.SortedCells((await queries.SnapshotAsync(week, HotspotSource.BaseTable)).Cells),
            RollupOracle.SortedCells((await queries.SnapshotAsync(week, HotspotSource.Rollups)).Cells));
    }

    [Fact]
    public async Task With_a_presets_row_the_month_to_date_totals_are_not_read_and_without_one_they_are()
    {
        var week = HotspotPeriod.Ending(LastDay, 7);
        var before = RollupOracle.SortedCells((await _queries.SnapshotAsync(week, HotspotSource.Rollups)).Cells);
        // Planted in the totals the page would sum: with the preset's row there, the page must not see it.
        await _db.ExecuteAsync($"UPDATE rollup_cell_month_to_date SET checks = checks + 1000 WHERE day = '{LastDay:yyyy-MM-dd}'");

        Assert.Equal(before, RollupOracle.SortedCells((await _queries.SnapshotAsync(week, HotspotSource.Rollups)).Cells));

        await _db.ExecuteAsync("DELETE FROM rollup_cell_periods");
        var summed = RollupOracle.SortedCells((await _queries.SnapshotAsync(week, HotspotSource.Rollups)).Cells);
        // Summed, each cell with checks this week (so a total on its last day) has the planted 1,000 more.
        var counted = before.Where(c => c.Totals.Checks > 0).ToList();
        Assert.NotEmpty(counted);
        Assert.All(counted, c => Assert.Equal(c.Totals.Checks + 1000, summed.Single(s => s.Cell == c.Cell).Totals.Checks));
    }
}
