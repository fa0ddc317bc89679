using Admin.Data.Entities;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using Admin.Data.Listing.Indexes;
using Admin.Testing;

namespace Admin.Data.Tests.Listing;

public class IndexCoverageTests
{
    [Fact]
    public async Task Every_shipped_definition_is_served_by_the_migrated_indexes()
    {
        await using var db = await TestDatabase.CreateAsync();
        foreach (var table in AdminTables.Registry.All)
            Assert.Empty(IndexCoverage.Check(table, await IndexCatalog.LoadAsync(db.DataSource, table.Table, default)));
    }

    [Fact]
    public async Task A_dropped_index_is_named_as_missing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("DROP INDEX ix_health_checks_province_risk_timestamp_id");
        var problems = IndexCoverage.Check(HealthCheckList.Definition, await IndexCatalog.LoadAsync(db.DataSource, "health_checks", default));
        Assert.Contains(problems, p => p.Contains("filter 'province + risk' ordered 'newest'") && p.Contains("(province, risk, timestamp DESC, id DESC)"));
        Assert.Contains(problems, p => p.Contains("ordered 'oldest'"));
    }

    [Fact]
    public async Task A_common_value_left_out_of_a_partial_index_needs_the_index_without_that_filter()
    {
        await using var db = await TestDatabase.CreateAsync();
        // Province + risk = low (left out of the partial province + risk index) pages from the province index.
        await db.ExecuteAsync("DROP INDEX ix_health_checks_province_timestamp_id");
        var problems = IndexCoverage.Check(HealthCheckList.Definition, await IndexCatalog.LoadAsync(db.DataSource, "health_checks", default));
        Assert.Contains(problems, p => p.Contains("filter 'province + risk' with risk = 'low' ordered 'newest'") && p.Contains("(province, timestamp DESC, id DESC)"));
    }

    [Fact]
    public async Task A_partial_index_leaving_out_another_value_serves_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            DROP INDEX ix_health_checks_risk_timestamp_id;
            CREATE INDEX ix_health_checks_risk_timestamp_id ON health_checks (risk, "timestamp" DESC, id DESC) WHERE risk <> 'high'
            """);
        var indexes = await IndexCatalog.LoadAsync(db.DataSource, "health_checks", default);
        Assert.Equal(new IndexExclusion("risk", "high"), indexes.Single(i => i.Name == "ix_health_checks_risk_timestamp_id").Excludes);
        var problems = IndexCoverage.Check(HealthCheckList.Definition, indexes);
        Assert.Contains(problems, p => p.Contains("filter 'risk' ordered 'newest'") && p.Contains("(risk, timestamp DESC, id DESC)"));
    }

    [Fact]
    public async Task A_declared_filter_without_an_index_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var d = HealthCheckList.Definition;
        var withCity = new TableDefinition<HealthCheck>
        {
            Table = d.Table, Slug = d.Slug, Title = d.Title, Noun = d.Noun, Columns = d.Columns, IdOf = d.IdOf, ParseId = d.ParseId,
            Orderings = d.Orderings, Searches = d.Searches,
            Filters = [.. d.Filters, FilterDefinition.Choice("city", "City", "city", [new("Durban", "Durban")])],
            FilterCombinations = [.. d.FilterCombinations, ["city"]],
        };
        var problems = IndexCoverage.Check(withCity, await IndexCatalog.LoadAsync(db.DataSource, "health_checks", default));
        Assert.Contains(problems, p => p.Contains("filter 'city'") && p.Contains("(city, timestamp DESC, id DESC)"));
    }

    [Fact]
    public async Task Searches_need_their_own_kind_of_index()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync($"DROP INDEX {PhoneWindowsSql.Index}; DROP INDEX ux_health_checks_deduplication_id");
        var problems = IndexCoverage.Check(HealthCheckList.Definition, await IndexCatalog.LoadAsync(db.DataSource, "health_checks", default));
        Assert.Contains(problems, p => p.Contains($"search 'phone-contains' needs a GIN index on ({PhoneWindowsSql.Expression})"));
        Assert.Contains(problems, p => p.Contains("search 'deduplication-id' needs a unique btree index on (deduplication_id)"));
    }

    [Fact]
    public async Task A_windows_index_on_another_expression_does_not_serve_the_phone_search()
    {
        // The planner uses an expression index only for the exact expression the predicate repeats.
        await using var db = await TestDatabase.CreateAsync();
        var indexes = await IndexCatalog.LoadAsync(db.DataSource, "health_checks", default);
        var windows = indexes.Single(i => i.Name == PhoneWindowsSql.Index);
        Assert.True(IndexExpressions.Same(windows.Columns.Single().Expression, PhoneWindowsSql.Expression));
        Assert.Equal("array_ops", windows.Columns.Single().OperatorClass);

        await db.ExecuteAsync($"""
            DROP INDEX {PhoneWindowsSql.Index};
            CREATE INDEX {PhoneWindowsSql.Index} ON health_checks USING gin ((ARRAY[substr(msisdn, 2, 4), substr(msisdn, 3, 4)]))
            """);
        var problems = IndexCoverage.Check(HealthCheckList.Definition, await IndexCatalog.LoadAsync(db.DataSource, "health_checks", default));
        Assert.Contains(problems, p => p.Contains("search 'phone-contains' needs a GIN index on"));
    }
}
