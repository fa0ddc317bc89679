using Admin.Data.Domain;
using Admin.Data.Hotspots;
using Admin.Data.Rollups;
using Admin.Testing;
using Admin.Testing.Hotspots;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Hotspots;

/// <summary>
/// Five weeks of noise in all 52 districts, and an outbreak planted in uMgungundlovu (DC22) around Pietermaritzburg in
/// the last week: the rule flags that district and that cell, and nothing else.
/// </summary>
public class HotspotDetectionTests(HotspotDetectionTests.OutbreakData data) : IClassFixture<HotspotDetectionTests.OutbreakData>
{
    private static readonly DateOnly LastDay = new(2021, 1, 31);
    private static readonly (double Lat, double Lon) Pietermaritzburg = (-29.60, 30.38);
    private readonly HotspotQueries _queries = data.Queries;

    /// <summary>One database for the class: the tests only read.</summary>
    public sealed class OutbreakData : IAsyncLifetime
    {
        private TestDatabase _db = null!;
        public HotspotQueries Queries { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _db = await TestDatabase.CreateAsync();
            var options = Options.Create(new HotspotOptions());
            var rows = SyntheticChecks.Background(LastDay, days: 35, seed: 2021)
                .Concat(SyntheticChecks.Outbreak("DC22", Pietermaritzburg.Lat, Pietermaritzburg.Lon, LastDay.AddDays(-6), LastDay, perDay: 16, seed: 5));
            await CheckRows.InsertAsync(_db.DataSource, rows);
            await TestRollups.Refresher(_db.DataSource, options.Value).RefreshAsync();
            Queries = new HotspotQueries(_db.DataSource, options, TimeProvider.System);
        }

        public async Task DisposeAsync() => await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_planted_district_is_flagged_and_the_noise_is_not()
    {
        var snapshot = await _queries.SnapshotAsync(HotspotPeriod.Ending(LastDay, 28));

        var flagged = snapshot.Districts.Where(d => d.Assessment.Flagged).Select(d => d.Code).ToList();
        Assert.Equal(["DC22"], flagged);
        // Noise was tested, not skipped: the quiet districts had enough checks to be judged.
        Assert.True(snapshot.Districts.Count(d => d.Assessment.Verdict == HotspotVerdict.NotSignificant) > 30);
    }

    [Fact]
    public async Task The_planted_cell_is_flagged_and_drills_to_its_district()
    {
        var snapshot = await _queries.SnapshotAsync(HotspotPeriod.Ending(LastDay, 28));

        var flagged = snapshot.Cells.Where(c => c.Assessment.Flagged).ToList();
        var cell = Assert.Single(flagged);
        Assert.Equal(GridCell.Of(Pietermaritzburg.Lat, Pietermaritzburg.Lon), cell.Cell);
        Assert.Equal("DC22", await _queries.TopDistrictAsync(cell.Cell, snapshot.Period));
    }

    [Fact]
    public async Task The_ranking_puts_the_outbreak_first_with_its_numbers()
    {
        var snapshot = await _queries.SnapshotAsync(HotspotPeriod.Ending(LastDay, 28));

        var top = HotspotRanking.Rank(snapshot).First();

        Assert.Equal("DC22", top.DistrictCode);
        Assert.True(top.Assessment.Flagged);
        var dc22 = snapshot.Districts.Single(d => d.Code == "DC22");
        Assert.Equal(dc22.Assessment.Counts.Recent, top.Assessment.Counts.Recent);
        Assert.True(top.Assessment.RateRatio > 2);
    }

    [Fact]
    public async Task Rollups_answer_exactly_what_the_base_table_answers()
    {
        var period = new HotspotPeriod(LastDay.AddDays(-20), LastDay.AddDays(-3));

        var fromRollups = await _queries.SnapshotAsync(period, HotspotSource.Rollups);
        var fromBase = await _queries.SnapshotAsync(period, HotspotSource.BaseTable);

        Assert.Equal(fromBase.Provinces, fromRollups.Provinces);
        Assert.Equal(fromBase.Districts, fromRollups.Districts);
        Assert.Equal(fromBase.Cells.OrderBy(c => c.Cell.Row).ThenBy(c => c.Cell.Column), fromRollups.Cells.OrderBy(c => c.Cell.Row).ThenBy(c => c.Cell.Column));
        Assert.Equal(fromBase.Trend, fromRollups.Trend);
        Assert.True(fromRollups.Provinces.Sum(p => p.Totals.Checks) > 0);
    }

    [Fact]
    public async Task Province_totals_add_up_their_districts()
    {
        var snapshot = await _queries.SnapshotAsync(HotspotPeriod.Ending(LastDay, 28));

        foreach (var province in snapshot.Provinces)
            Assert.Equal(province.Totals.Checks, snapshot.Districts.Where(d => d.Province == province.Province).Sum(d => d.Totals.Checks));
        Assert.Equal(snapshot.Provinces.Sum(p => p.Totals.Checks), snapshot.Trend.Sum(t => t.Checks));
    }
}
