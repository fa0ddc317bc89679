using Admin.Data.Domain;
using Admin.Data.Editing;
using Admin.Data.Entities;
using Admin.Data.Hotspots;
using Admin.Data.Persistence;
using Admin.Data.Rollups;
using Admin.Data.Tests.Hotspots;
using Admin.Data.Tests.Validation;
using Admin.Data.Validation;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Admin.Data.Tests.Editing;

/// <summary>
/// Edits reach the hotspot rollups in their own transaction: after edits of old days (older than the refresh's
/// look-back), the rollups equal a direct GROUP BY and are row for row what a full rebuild writes.
/// </summary>
public class RollupEditTests : IAsyncLifetime
{
    private static readonly DateOnly LastDay = new(2021, 1, 31);
    private static readonly EditAuthor Admin = new("user-1", "admin", null);
    // Distinct instants for the rows the tests edit, so they can be found again.
    private static readonly DateTimeOffset Old = new(2021, 1, 12, 10, 0, 1, TimeSpan.Zero);
    private static readonly DateTimeOffset Lonely = new(2021, 1, 14, 10, 0, 2, TimeSpan.Zero);
    private static readonly DateTimeOffset Unplaced = new(2021, 1, 15, 10, 0, 3, TimeSpan.Zero);

    private TestDatabase _db = null!;
    private RollupRefresher _refresher = null!;
    private HealthCheckEditor _editor = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _refresher = TestRollups.Refresher(_db.DataSource, new HotspotOptions());
        _editor = new HealthCheckEditor(new Contexts(_db), ValidInputs.Validator());
        await CheckRows.InsertAsync(_db.DataSource, SyntheticChecks.Background(LastDay, days: 25, seed: 5, checksPerMillion: 4).Concat(
        [
            new CheckRow(Old, Province.Gauteng, "JHB", Risk.Low, -26.2, 28.0),
            // Alone in its cell (Kruger, far north-east): moving it away must leave no trace of the cell.
            new CheckRow(Lonely, Province.Limpopo, "DC33", Risk.Low, -22.4, 31.3),
            new CheckRow(Unplaced, Province.WesternCape, "CPT", Risk.Low),
        ]));
        await _refresher.RebuildAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<HealthCheck> AtAsync(DateTimeOffset t)
    {
        await using var db = _db.CreateDbContext();
        return await db.HealthChecks.AsNoTracking().SingleAsync(h => h.Timestamp == t);
    }

    private async Task<HealthCheckEditResult> EditAsync(DateTimeOffset t, Action<HealthCheckInput> change)
    {
        var check = await AtAsync(t);
        var input = check.ToInput();
        change(input);
        return await _editor.SaveAsync(check.Id, check.Version, input, Admin);
    }

    [Fact]
    public async Task Edits_of_old_days_leave_the_rollups_as_a_rebuild_would()
    {
        // An old check moves day, province, district, cell and risk (3 symptoms: high).
        Assert.Equal(EditOutcome.Saved, (await EditAsync(Old, x =>
        {
            x.Timestamp = x.CompletedTimestamp = new DateTimeOffset(2021, 1, 9, 16, 0, 0, TimeSpan.Zero);
            x.Province = "ZA-KZN";
            x.DistrictCode = "ETH";
            x.Latitude = -29.86;
            x.Longitude = 31.02;
            x.Fever = x.Cough = x.SoreThroat = true;
        })).Outcome);
        // The only check in its cell moves to a cell of its own district that already has checks.
        Assert.Equal(EditOutcome.Saved, (await EditAsync(Lonely, x => { x.Latitude = -23.6; x.Longitude = 30.8; })).Outcome);
        // A check without a location gets one in a cell nobody was counted in yet, before any other day of it.
        Assert.Equal(EditOutcome.Saved, (await EditAsync(Unplaced, x => { x.Latitude = -34.8; x.Longitude = 19.9; x.Cough = x.Fever = x.SoreThroat = true; })).Outcome);
        // Only the district changes (same cell, same day): daily rollups move, running totals stay.
        Assert.Equal(EditOutcome.Saved, (await EditAsync(Lonely, x => { x.DistrictCode = "DC34"; })).Outcome);

        await AssertRollupsMatchBaseTableAsync();
        var maintained = await RollupTablesAsync();

        var rebuild = await _refresher.RebuildAsync();
        Assert.True(rebuild.FullRebuild);
        Assert.Equal(await RollupTablesAsync(), maintained);

        // And the next incremental refresh finds nothing to correct.
        var refresh = await _refresher.RefreshAsync();
        Assert.Equal((0, 0, 0, 0), (refresh.DistrictRows, refresh.DistrictMonthRows, refresh.CellRows, refresh.MonthToDateRows));
    }

    [Fact]
    public async Task An_edit_that_moves_a_cells_totals_removes_the_presets_summed_ahead_until_the_next_refresh()
    {
        var month = HotspotPeriod.Ending(LastDay, 28);
        var queries = new HotspotQueries(_db.DataSource, Microsoft.Extensions.Options.Options.Create(new HotspotOptions()), TimeProvider.System);
        Assert.True(await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell_periods") > 0);

        // Only the district: no cell total moves, the presets stay.
        Assert.Equal(EditOutcome.Saved, (await EditAsync(Lonely, x => x.DistrictCode = "DC34")).Outcome);
        Assert.True(await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell_periods") > 0);

        // The only check in its cell moves to another cell, inside the 28-day preset.
        Assert.Equal(EditOutcome.Saved, (await EditAsync(Lonely, x => { x.Latitude = -23.6; x.Longitude = 30.8; })).Outcome);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell_periods"));
        await AssertCellsMatchBaseTableAsync(queries, month);

        var refresh = await _refresher.RefreshAsync();
        Assert.True(refresh.CellPeriods > 0);
        Assert.True(await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_cell_periods") > 0);
        await AssertCellsMatchBaseTableAsync(queries, month);
    }

    private static async Task AssertCellsMatchBaseTableAsync(HotspotQueries queries, HotspotPeriod period)
    {
        Assert.Equal(RollupOracle.SortedCells((await queries.SnapshotAsync(period, HotspotSource.BaseTable)).Cells), RollupOracle.SortedCells((await queries.SnapshotAsync(period, HotspotSource.Rollups)).Cells));
    }

    [Fact]
    public async Task Before_the_first_refresh_an_edit_leaves_the_rollups_alone()
    {
        await _db.ExecuteAsync("TRUNCATE rollup_district_days, rollup_district_months, rollup_province_days, rollup_district_day_totals, rollup_cell_days, rollup_cell_month_to_date, rollup_cell_periods, rollup_watermarks");

        Assert.Equal(EditOutcome.Saved, (await EditAsync(Old, x => x.DistrictCode = "EKU")).Outcome);

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM rollup_district_days"));
    }

    [Fact]
    public async Task While_a_rebuild_holds_the_refresh_lock_a_rollup_edit_waits_then_gives_up_and_writes_nothing()
    {
        var before = await AtAsync(Old);
        await using var rebuilding = await _db.DataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({RollupKeys.RefreshLockKey})", rebuilding))
            await take.ExecuteNonQueryAsync();

        var moved = await EditAsync(Old, x => x.DistrictCode = "EKU");
        // A change no rollup counts needs no lock.
        var renamed = await EditAsync(Old, x => x.City = "Alexandra");

        Assert.Equal(EditOutcome.Busy, moved.Outcome);
        Assert.Contains("Save again in a minute", moved.Message);
        Assert.Equal(EditOutcome.Saved, renamed.Outcome);
        var after = await AtAsync(Old);
        Assert.Equal(("JHB", "Alexandra"), (after.DistrictCode, after.City));
        Assert.Equal(1L, await _db.ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE record_id = '{before.Id}'"));
    }

    private async Task AssertRollupsMatchBaseTableAsync()
    {
        Assert.Equal(await RollupOracle.DistrictDirectAsync(_db), await RollupOracle.DistrictRollupAsync(_db));
        Assert.Equal(await RollupOracle.CellDirectAsync(_db), await RollupOracle.CellRollupAsync(_db));
        Assert.Equal(await RollupOracle.CellTotalsDirectAsync(_db), await RollupOracle.CellTotalsRollupAsync(_db));
        Assert.Equal(await RollupOracle.DistrictMonthDirectAsync(_db), await RollupOracle.DistrictMonthRollupAsync(_db));
        Assert.Equal(await RollupOracle.ProvinceDayDirectAsync(_db), await RollupOracle.ProvinceDayRollupAsync(_db));
        Assert.Equal(await RollupOracle.DistrictDayTotalDirectAsync(_db), await RollupOracle.DistrictDayTotalRollupAsync(_db));
    }

    /// <summary>Every row of the three rollups, as text, in key order.</summary>
    private async Task<List<string>> RollupTablesAsync()
    {
        var rows = new List<string>();
        foreach (var table in new[] { "rollup_district_days", "rollup_district_months", "rollup_province_days", "rollup_district_day_totals", "rollup_cell_days", "rollup_cell_month_to_date" })
        {
            await using var cmd = _db.DataSource.CreateCommand($"SELECT '{table} ' || t::text FROM {table} t ORDER BY t::text");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        Assert.True(rows.Count > 100);
        return rows;
    }

    private sealed class Contexts(TestDatabase db) : IDbContextFactory<AdminDbContext>
    {
        public AdminDbContext CreateDbContext() => db.CreateDbContext();
    }
}
