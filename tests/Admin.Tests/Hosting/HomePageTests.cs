using Admin.Data.Security;
using System.Net;
using Admin.Testing;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Admin.Tests.Hosting;

/// <summary>GET / through the whole pipeline. The page prerenders on the server, so the cards are in the HTML.</summary>
public sealed class HomePageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Renders_the_layout_with_app_bar_and_navigation()
    {
        var page = await GetHomeAsync();

        Assert.Equal("HealthCheck Admin", page.QuerySelector(".mud-appbar h6")?.TextContent.Trim());
        var links = page.QuerySelectorAll(".mud-navmenu a")
            .ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href") ?? "");
        Assert.StartsWith("records", links.GetValueOrDefault("Records"));
        Assert.StartsWith("hotspots", links.GetValueOrDefault("Hotspots"));
        Assert.StartsWith("admin", links.GetValueOrDefault("Admin"));
    }

    [Fact]
    public async Task Links_the_stylesheets_and_scripts_the_browser_needs()
    {
        var page = await GetHomeAsync();
        using var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Admin);

        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
            .OfType<string>().ToList();
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("css/app", StringComparison.Ordinal));
        foreach (var asset in assets)
            Assert.True((await client.GetAsync(asset)).IsSuccessStatusCode, $"{asset} did not load");
        // Each by its fingerprinted address (name.{hash}.ext; name.{hash}.styles.css for the scoped styles), which a
        // production node serves as immutable, so a page load asks for none of them again. (Under Development, as
        // here, MapStaticAssets sends them no-cache.)
        Assert.All(assets, a => Assert.Matches(@"\.[a-z0-9]{10}\.(styles\.)?(css|js)$", a));
    }

    [Fact]
    public async Task Maps_the_components_script_modules_to_their_fingerprinted_files()
    {
        var page = await GetHomeAsync();
        using var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Admin);

        var map = page.QuerySelector("script[type=importmap]")?.TextContent;
        Assert.NotNull(map);
        var imports = System.Text.Json.JsonDocument.Parse(map).RootElement.GetProperty("imports");
        // The specifier the grid imports (KeysetGrid) resolves to its fingerprinted file.
        var grid = imports.GetProperty("./_content/Admin.Components/keysetGrid.js").GetString();
        Assert.NotNull(grid);
        Assert.Matches(@"^\./_content/Admin\.Components/keysetGrid\.[a-z0-9]{10}\.js$", grid);
        Assert.True((await client.GetAsync(grid.TrimStart('.', '/'))).IsSuccessStatusCode, $"{grid} did not load");
    }

    [Fact]
    public async Task Counts_small_tables_exactly_and_says_so()
    {
        await app.Database.InsertHealthChecksAsync(5);

        var page = await GetHomeAsync();

        var card = page.QuerySelector("[data-table=health_checks]");
        Assert.NotNull(card);
        var rows = await app.Database.ScalarAsync<long>("SELECT count(*) FROM health_checks");
        Assert.Equal($"{rows} {(rows == 1 ? "check" : "checks")}", card.QuerySelector(".table-size")?.TextContent.Trim());
        Assert.Contains("counted", card.TextContent);
        Assert.Equal("52 districts", page.QuerySelector("[data-table=districts] .table-size")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-table=vaccine_registrations] .table-size"));
    }

    [Fact]
    public async Task Opening_the_home_page_counts_only_under_a_statement_timeout()
    {
        using var rec = StatementRecorder.Start(app.Database);

        await GetHomeAsync();

        // The recorder saw the page's queries: the planner statistics first (pg_class) ...
        rec.AssertAny(s => s.Contains("pg_class"), "reads the planner statistics in pg_class");
        // ... and every count of a table was held to SET LOCAL statement_timeout, every read of a large one bounded.
        // The overview's own counts (a background rollup refresh may run beside it: only the page's statements are judged).
        var statements = rec.Statements;
        var counts = Enumerable.Range(0, statements.Count).Where(i => statements[i].Contains("count(*) FROM \"districts\")", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(counts);
        // Sent in one batch after its limit.
        Assert.All(counts, i => Assert.StartsWith("SET LOCAL statement_timeout", statements[i]));
        Assert.All(counts, i => Assert.False(SqlText.IsUnbounded(statements, i), statements[i]));
    }

    private async Task<IDocument> GetHomeAsync()
    {
        using var client = await app.Factory.CreateClientAsAsync(app.Database, Roles.Admin);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
