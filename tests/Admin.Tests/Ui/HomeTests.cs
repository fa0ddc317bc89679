using Admin.Data.Counting;
using Admin.Testing;
using Admin.Tests.Hosting;
using Admin.Ui.Pages;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Admin.Tests.Ui;

/// <summary>The Overview page against a real database, through the real estimator.</summary>
public sealed class HomeTests : IAsyncLifetime
{
    // bunit waits 1 s by default; real queries on a busy shared machine can take longer. Not a timing assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Shows_about_how_many_rows_each_table_has()
    {
        await _db.InsertHealthChecksAsync(3);
        await using var ctx = UiTestContext.Create(s => s.AddSingleton(new TableSizeEstimator(_db.DataSource)));

        var cut = ctx.Render<Home>();

        cut.WaitForAssertion(() => Assert.Equal("about 3 rows", cut.Find("[data-table=health_checks] .table-size").TextContent.Trim()), Patience);
        Assert.Equal(3, cut.FindAll("[data-table] .table-size").Count);
        Assert.All(cut.FindAll("[data-table] .table-size"), e => Assert.Matches(@"^about \d+(\.\d)?[kMB]? rows$", e.TextContent.Trim()));
    }

    [Fact]
    public async Task Says_so_when_the_database_is_unreachable()
    {
        await using var down = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={ClosedPort.Find()};Database=nowhere;Username=postgres;Timeout=2");
        await using var ctx = UiTestContext.Create(s => s.AddSingleton(new TableSizeEstimator(down)));

        var cut = ctx.Render<Home>();

        cut.WaitForAssertion(() => Assert.Contains("The database cannot be reached right now", cut.Find(".mud-alert").TextContent), Patience);
        Assert.Empty(cut.FindAll("[data-table]"));
    }
}
