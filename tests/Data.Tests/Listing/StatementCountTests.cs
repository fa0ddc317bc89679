using Admin.Data.Security;
using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Testing;

namespace Admin.Data.Tests.Listing;

/// <summary>
/// Django's assertNumQueries for the grid: what each interaction sends to PostgreSQL, statement by statement.
/// A window is one SELECT with no OFFSET and no count; the count label never runs an unfiltered count(*) when the
/// table's estimate is above the ceiling, and its exact count runs only under SET LOCAL statement_timeout.
/// </summary>
public class StatementCountTests
{
    private static bool IsCount(string sql) => sql.Contains("count(", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task A_window_at_any_depth_is_one_select_without_offset_or_count()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 500);
        var q = HealthCheckQueries.Parse(("province", "ZA-GP"), ("risk", "high"));

        using var rec = StatementRecorder.Start(f.Db);
        var first = await f.Lister.WindowAsync(q, WindowRequest.Start(10), PersonalDataView.Full, default);
        rec.AssertCount(1);
        await f.Lister.WindowAsync(q, WindowRequest.After(first.Cursors[^1], 10), PersonalDataView.Full, default);
        await f.Lister.WindowAsync(q, WindowRequest.Before(first.Cursors[^1], 10), PersonalDataView.Full, default);
        await f.Lister.WindowAsync(q, WindowRequest.End(10), PersonalDataView.Full, default);

        Assert.Equal(4, rec.Statements.Count);
        Assert.All(rec.Statements, s =>
        {
            Assert.StartsWith("SELECT *, xmin FROM \"health_checks\"", s);
            Assert.DoesNotContain("OFFSET", s, StringComparison.OrdinalIgnoreCase);
            Assert.False(IsCount(s));
            Assert.Contains("LIMIT 11", s);
        });
    }

    [Fact]
    public async Task The_count_label_above_the_ceiling_sends_one_catalog_read_and_no_count()
    {
        await using var f = await ListingFixture.CreateAsync(new Admin.Data.Counting.CountOptions { ExactCeiling = 100 });
        await SqlSeed.HealthChecksAsync(f.Db, 1000);
        await f.Db.ExecuteAsync("ANALYZE health_checks");

        using var rec = StatementRecorder.Start(f.Db);
        await f.Counter.CountAsync(HealthCheckQueries.Parse(), default);
        rec.AssertCount(1);
        Assert.Contains("pg_class", rec.Statements[0]);

        rec.Clear();
        await f.Counter.CountAsync(HealthCheckQueries.Parse(("risk", "high")), default);
        rec.AssertCount(1);
        Assert.StartsWith("EXPLAIN", rec.Statements[0]);
        Assert.DoesNotContain(rec.Statements, IsCount);
    }

    [Fact]
    public async Task An_exact_count_runs_only_under_a_statement_timeout()
    {
        await using var f = await ListingFixture.CreateAsync();
        await SqlSeed.HealthChecksAsync(f.Db, 300);
        await f.Db.ExecuteAsync("ANALYZE health_checks");

        using var rec = StatementRecorder.Start(f.Db);
        var result = await f.Counter.CountAsync(HealthCheckQueries.Parse(("district", "ETH")), default);
        Assert.True(result.IsExact);
        var statements = rec.Statements;
        var count = statements.ToList().FindIndex(IsCount);
        Assert.True(count > 0, string.Join("\n", statements));
        Assert.Contains("SET LOCAL statement_timeout = 50", statements[count - 1]);
        Assert.Contains("WHERE", statements[count]);
        Assert.Equal(3, statements.Count); // EXPLAIN, SET LOCAL, count(*)
    }
}
