using Admin.Data.Counting;
using Admin.Testing;

namespace Admin.Data.Tests.Counting;

public class TableSizeEstimatorTests
{
    private const string Insert = """
        INSERT INTO vaccine_registrations (gender, first_name, surname, date_of_birth, mobile_number, province, created_at)
        SELECT 'Female', 'A', 'B', '1950-01-01', '+27821234567', 'ZA-GP', now() FROM generate_series(1, {0})
        """;

    [Fact]
    public async Task Never_analyzed_table_falls_back_to_the_planner()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(string.Format(Insert, 5000));
        var estimate = await new TableSizeEstimator(db.DataSource).EstimateAsync("vaccine_registrations");
        Assert.False(estimate.FromStatistics);
        // The planner guesses from the page count and the columns' widths: positive, though rough.
        Assert.InRange(estimate.Rows, 1, 50_000);
    }

    [Fact]
    public async Task Analyzed_table_scales_reltuples_by_the_current_page_count()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync(string.Format(Insert, 10000));
        await db.ExecuteAsync("ANALYZE vaccine_registrations");
        // The table doubles after ANALYZE: reltuples alone would still say 10k.
        await db.ExecuteAsync(string.Format(Insert, 10000));
        var estimate = await new TableSizeEstimator(db.DataSource).EstimateAsync("vaccine_registrations");
        Assert.True(estimate.FromStatistics);
        Assert.InRange(estimate.Rows, 19000, 21000);
    }

    [Fact]
    public async Task Empty_analyzed_table_is_zero()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("VACUUM ANALYZE vaccine_registrations");
        Assert.Equal(0, (await new TableSizeEstimator(db.DataSource).EstimateAsync("vaccine_registrations")).Rows);
    }

    [Fact]
    public async Task Unknown_table_is_an_error_not_a_guess()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => new TableSizeEstimator(db.DataSource).EstimateAsync("no_such_table"));
    }
}
